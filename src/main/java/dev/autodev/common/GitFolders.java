package dev.autodev.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a folder's git repository is, found as git finds it: the nearest {@code .git} (a folder, or a linked worktree's
 * file) in the folder or above it. Without running git, so validation and dispatch stay cheap.
 */
public final class GitFolders {

    private GitFolders() {}

    /** The nearest {@code .git} in {@code dir} or a folder above it. */
    public static Optional<Path> nearestDotGit(Path dir) {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            Path dotGit = at.resolve(".git");
            if (Files.exists(dotGit)) return Optional.of(dotGit);
        }
        return Optional.empty();
    }

    /** True when {@code dir} is inside a git work tree (the main checkout or a linked worktree). */
    public static boolean insideRepository(Path dir) {
        return nearestDotGit(dir).isPresent();
    }
}

package dev.autodev.git;

import dev.autodev.common.GitFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a work tree has checked out, read from git's own files: every run records it just before its process
 * starts, and asking the git command costs a process start (several milliseconds, more on a busy machine) on the
 * path from POST to the agent's first model call. Reads the plain layouts git writes by default: a {@code .git}
 * folder or a linked worktree's {@code .git} file, a detached or symbolic HEAD, loose or packed refs. Anything else
 * (another ref storage, a missing ref, a file it cannot read) is an answer it is not sure of, and the caller asks
 * git instead.
 */
final class HeadCommit {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final String GITDIR_PREFIX = "gitdir:";
    private static final String REF_PREFIX = "ref:";
    /** A symbolic ref pointing at another symbolic ref is rare; a loop must not hang the run's start. */
    private static final int MAX_SYMBOLIC_DEPTH = 5;

    private HeadCommit() {}

    /**
     * What git's files say of the work tree holding {@code dir}: the commit it has checked out, none when no folder
     * above it has a {@code .git}, or an answer that is not {@code certain} when they do not say plainly.
     */
    record Read(Optional<String> commit, boolean certain) {
        static final Read NOT_A_REPOSITORY = new Read(Optional.empty(), true);
        static final Read UNSURE = new Read(Optional.empty(), false);
    }

    static Read of(Path dir) {
        try {
            Optional<Path> dotGit = GitFolders.nearestDotGit(dir);
            if (dotGit.isEmpty()) return Read.NOT_A_REPOSITORY;
            Optional<Path> gitDir = gitDir(dotGit.get());
            if (gitDir.isEmpty()) return Read.UNSURE;
            Optional<String> commit = resolve(gitDir.get(), commonDir(gitDir.get()), "HEAD", 0);
            return commit.isPresent() ? new Read(commit, true) : Read.UNSURE;
        } catch (IOException | RuntimeException unreadable) {
            return Read.UNSURE;
        }
    }

    /** The repository folder a {@code .git} stands for: itself, or the folder a linked worktree's file names. */
    private static Optional<Path> gitDir(Path dotGit) throws IOException {
        if (Files.isDirectory(dotGit)) return Optional.of(dotGit);
        String content = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
        if (!content.startsWith(GITDIR_PREFIX)) return Optional.empty();
        return Optional.of(dotGit.getParent().resolve(content.substring(GITDIR_PREFIX.length()).strip()).normalize());
    }

    /** Where branches live: a linked worktree's folder names the main repository's in {@code commondir}. */
    private static Path commonDir(Path gitDir) throws IOException {
        Path pointer = gitDir.resolve("commondir");
        if (!Files.isRegularFile(pointer)) return gitDir;
        return gitDir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()).normalize();
    }

    private static Optional<String> resolve(Path gitDir, Path commonDir, String ref, int depth) throws IOException {
        if (depth > MAX_SYMBOLIC_DEPTH) return Optional.empty();
        // HEAD (and other per-worktree refs) live in the worktree's own folder, branches in the common one.
        Path file = ref.equals("HEAD") ? gitDir.resolve("HEAD") : commonDir.resolve(ref);
        if (Files.isRegularFile(file)) {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (content.startsWith(REF_PREFIX)) {
                return resolve(gitDir, commonDir, content.substring(REF_PREFIX.length()).strip(), depth + 1);
            }
            return OBJECT_ID.matcher(content).matches() ? Optional.of(content) : Optional.empty();
        }
        return packed(commonDir, ref);
    }

    /** A ref from {@code packed-refs}: lines of {@code <id> <ref>}, comments and peeled tags ({@code ^<id>}) apart. */
    private static Optional<String> packed(Path commonDir, String ref) throws IOException {
        Path packed = commonDir.resolve("packed-refs");
        if (!Files.isRegularFile(packed)) return Optional.empty();
        try (var lines = Files.lines(packed, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.startsWith("#") && !line.startsWith("^"))
                    .map(line -> line.split(" ", 2))
                    .filter(parts -> parts.length == 2 && parts[1].strip().equals(ref) && OBJECT_ID.matcher(parts[0]).matches())
                    .map(parts -> parts[0])
                    .findFirst();
        }
    }
}

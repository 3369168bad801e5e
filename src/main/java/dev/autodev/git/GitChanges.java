package dev.autodev.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads a working tree's changes through the git CLI, each call under a time limit. */
@Component
public class GitChanges {

    /** Git's well-known empty tree, to diff against in a repository that has no commit yet. */
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DIFF_BYTES = 2 * 1024 * 1024;

    /** The changes in {@code dir}, or empty when it is not inside a git working tree. */
    public Optional<WorkingTreeChanges> of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        Commands.Result inside = git(dir, MAX_DIFF_BYTES, "rev-parse", "--is-inside-work-tree");
        if (inside.exit() != 0 || !inside.out().strip().equals("true")) return Optional.empty();
        Commands.Result head = git(dir, 1024, "rev-parse", "--verify", "--quiet", "HEAD");
        String headCommit = head.exit() == 0 ? head.out().strip() : null;
        Commands.Result diff = git(dir, MAX_DIFF_BYTES, "diff", "--no-color", "--no-ext-diff", headCommit == null ? EMPTY_TREE : "HEAD",
                "--", ".");
        if (diff.exit() != 0) throw new IOException("git diff failed: " + diff.out().strip());
        Commands.Result untracked = git(dir, MAX_DIFF_BYTES, "ls-files", "--others", "--exclude-standard", "--", ".");
        List<String> files = untracked.out().isBlank() ? List.of()
                : Arrays.stream(untracked.out().split("\n")).filter(f -> !f.isBlank()).toList();
        return Optional.of(new WorkingTreeChanges(dir.toString(), headCommit, diff.out(), diff.truncated(), files));
    }

    private static Commands.Result git(Path dir, int maxBytes, String... args) throws IOException {
        return Commands.gitHead(dir, TIMEOUT, maxBytes, args);
    }
}

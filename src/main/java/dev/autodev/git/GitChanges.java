package dev.autodev.git;

import dev.autodev.common.ApiException.Conflict;
import dev.autodev.git.Changes.Commit;
import dev.autodev.git.Changes.FileChange;
import dev.autodev.git.Changes.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads the changes from a base commit to now through the git CLI, each call under a time limit. */
@Component
class GitChanges {

    /** Git's well-known empty tree, to diff against when there was no commit to start from. */
    static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    static final int MAX_COMMITS = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_DIFF_BYTES = 2 * 1024 * 1024;
    private static final int SMALL = 64 * 1024;
    private static final Map<String, String> NO_LOCKS = Map.of("GIT_OPTIONAL_LOCKS", "0");

    /**
     * Where a diff starts.
     *
     * @param commit   the commit, or null for the empty tree (there was no commit to start from)
     * @param recorded false when nothing was recorded and the current HEAD stands in
     */
    record Base(String commit, boolean recorded) {}

    /**
     * From {@code base} to the work tree of {@code dir} as it is now, untracked files included; empty when
     * {@code dir} is not inside a git work tree. A recorded base that no longer exists gives way to HEAD, with a note.
     */
    Optional<Changes> inWorkTree(Path dir, Base base, Source source, String branch) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        Commands.Result top = read(dir, SMALL, NO_LOCKS, "rev-parse", "--show-toplevel");
        if (!top.ok() || top.out().isBlank()) return Optional.empty();
        Path root = Path.of(top.out().strip());
        String head = commit(root, "HEAD");
        String from;
        String note = null;
        if (!base.recorded()) {
            from = head;
            note = "no base commit was recorded for this run; showing the changes since HEAD";
        } else if (base.commit() == null || commit(root, base.commit()) != null) {
            from = base.commit();
        } else {
            from = head;
            note = "the base commit " + base.commit() + " no longer exists in this repository; showing the changes since HEAD";
        }
        try (UntrackedFiles untracked = UntrackedFiles.in(root, TIMEOUT)) {
            Diff diff = diff(root, untracked.env(), untracked.inDiff(), orEmptyTree(from));
            List<FileChange> files = new ArrayList<>(diff.files());
            for (String path : untracked.all()) {
                if (!untracked.inDiff().contains(path)) files.add(new FileChange(path, null, "added", null, null, false, true));
            }
            return Optional.of(new Changes(null, null, source, dir.toString(), branch, from, head, note,
                    commits(root, from, head), List.copyOf(files), diff.text(), diff.truncated(), untracked.all()));
        }
    }

    /** From {@code base} to the tip of {@code branch}, read in the repository at {@code repoRoot}: commits only. */
    Changes onBranch(Path repoRoot, String branch, String base) throws IOException {
        String tip = commit(repoRoot, "refs/heads/" + branch);
        if (tip == null) throw new Conflict("the worktree is removed and its branch " + branch + " no longer exists");
        if (base != null && commit(repoRoot, base) == null) {
            throw new Conflict("the base commit " + base + " no longer exists in " + repoRoot);
        }
        Diff diff = diff(repoRoot, NO_LOCKS, Set.of(), orEmptyTree(base), tip);
        return new Changes(null, null, Source.BRANCH, repoRoot.toString(), branch, base, tip, null,
                commits(repoRoot, base, tip), diff.files(), diff.text(), diff.truncated(), List.of());
    }

    private record Diff(String text, List<FileChange> files, boolean truncated) {}

    /** {@code git diff} from {@code revisions[0]} to the work tree, or to {@code revisions[1]} when given. */
    private static Diff diff(Path root, Map<String, String> env, Set<String> untracked, String... revisions) throws IOException {
        Commands.Result text = read(root, MAX_DIFF_BYTES, env, args(revisions, "--no-color", "--no-ext-diff", "-M", "--src-prefix=a/", "--dst-prefix=b/"));
        Commands.Result names = read(root, MAX_DIFF_BYTES, env, args(revisions, "-z", "--no-ext-diff", "-M", "--name-status"));
        Commands.Result counts = read(root, MAX_DIFF_BYTES, env, args(revisions, "-z", "--no-ext-diff", "-M", "--numstat"));
        for (Commands.Result result : List.of(text, names, counts)) {
            if (!result.ok()) throw new IOException("git diff failed: " + result.tail(300));
        }
        return new Diff(text.out(), DiffFiles.parse(names.out(), counts.out(), untracked),
                text.truncated() || names.truncated() || counts.truncated());
    }

    private static String[] args(String[] revisions, String... options) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(List.of(options));
        args.addAll(List.of(revisions));
        args.add("--");
        return args.toArray(String[]::new);
    }

    /** The commits reachable from {@code to} but not from {@code from} (all of them from the empty tree). */
    private static List<Commit> commits(Path root, String from, String to) throws IOException {
        if (to == null || to.equals(from)) return List.of();
        String range = from == null ? to : from + ".." + to;
        Commands.Result log = read(root, MAX_DIFF_BYTES, NO_LOCKS, "log", "-z", "--no-color", "--format=%H %s",
                "--max-count=" + MAX_COMMITS, range, "--");
        if (!log.ok()) throw new IOException("git log failed: " + log.tail(300));
        List<Commit> commits = new ArrayList<>();
        for (String entry : log.out().split("\0")) {
            if (entry.isBlank()) continue;
            int space = entry.indexOf(' ');
            commits.add(space < 0 ? new Commit(entry, "") : new Commit(entry.substring(0, space), entry.substring(space + 1)));
        }
        return List.copyOf(commits);
    }

    /** The commit {@code revision} names in the repository at {@code root}, or null when there is none. */
    private static String commit(Path root, String revision) throws IOException {
        Commands.Result found = read(root, SMALL, NO_LOCKS, "rev-parse", "--verify", "--quiet", "--end-of-options",
                revision + "^{commit}");
        return found.ok() && !found.out().isBlank() ? found.out().strip() : null;
    }

    private static String orEmptyTree(String commit) {
        return commit == null ? EMPTY_TREE : commit;
    }

    private static Commands.Result read(Path dir, int maxBytes, Map<String, String> env, String... args) throws IOException {
        return Commands.gitRead(dir, TIMEOUT, maxBytes, env, args);
    }
}

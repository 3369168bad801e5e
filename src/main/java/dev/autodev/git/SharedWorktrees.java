package dev.autodev.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Worktrees that several jobs share, one after another, on one branch: an engine above the queue (a workflow, a
 * debate that acts in a worktree) keeps the path and branch itself and points each of its jobs' work dir at the
 * path. They live under
 * {@value #SHARED_DIR} of the repository root, apart from job worktrees, whose janitor removes what no job owns.
 * Every method is idempotent, so a caller that crashed half-way can simply call it again.
 */
@Component
public class SharedWorktrees {

    /** Where shared worktrees live, under the repository root. */
    public static final String SHARED_DIR = ".orchestrator-workflows";

    private final GitProperties properties;

    SharedWorktrees(GitProperties properties) {
        this.properties = properties;
    }

    /** Where a shared worktree named {@code name} of the repository holding {@code workDir} goes, and its root. */
    public Location locate(Path workDir, String name, String title) throws IOException {
        Path root = Path.of(Publishing.expect(Commands.git(workDir, timeout(), "rev-parse", "--show-toplevel"),
                "find the repository root").strip()).toRealPath();
        String head = Publishing.expect(Commands.git(root, timeout(), "rev-parse", "--verify", "HEAD"), "read HEAD").strip();
        return new Location(root, root.resolve(SHARED_DIR).resolve(name), "autodev/" + name + Worktrees.slug(title), head);
    }

    /** A shared worktree's repository root, directory and branch, and the commit the branch starts from. */
    public record Location(Path repoRoot, Path path, String branch, String base) {}

    /**
     * Makes sure the worktree exists on its branch: creates branch and worktree from HEAD the first time, checks the
     * branch out again when the directory was removed, and does nothing when all is in place.
     */
    public void ensure(Location at) throws IOException {
        if (Files.isDirectory(at.path())) return;
        Worktrees.exclude(at.repoRoot(), SHARED_DIR, timeout());
        Commands.git(at.repoRoot(), timeout(), "worktree", "prune");
        boolean branchExists = Commands.git(at.repoRoot(), timeout(), "rev-parse", "--verify", "--quiet",
                "refs/heads/" + at.branch()).ok();
        if (branchExists) {
            Publishing.expect(Commands.git(at.repoRoot(), timeout(), "worktree", "add", at.path().toString(), at.branch()),
                    "check the branch out again");
            return;
        }
        Publishing.expect(Commands.git(at.repoRoot(), timeout(), "worktree", "add", "-b", at.branch(), at.path().toString(), at.base()),
                "create the worktree");
    }

    /** The branch checked out in {@code path}, or empty when it is no work tree or has a detached HEAD. */
    public Optional<String> currentBranch(Path path) throws IOException {
        if (!Files.isDirectory(path)) return Optional.empty();
        Commands.Result head = Commands.git(path, timeout(), "symbolic-ref", "--quiet", "--short", "HEAD");
        return head.ok() ? Optional.of(head.out().strip()) : Optional.empty();
    }

    /** Commits everything left in the worktree; false when there was nothing. */
    public boolean commitAll(Path path, String message) throws IOException {
        return Publishing.commitAll(path, timeout(), message);
    }

    /** Pushes the branch to origin; throws with git's words when that fails. */
    public void push(Location at) throws IOException {
        Commands.Result push = Publishing.push(at.path(), properties.pushTimeout(), at.branch());
        if (!push.ok()) throw new IOException("push failed: " + push.tail(500));
    }

    /** One line per commit since {@code base}. */
    public String commitsSince(Path path, String base) throws IOException {
        return Publishing.commitList(path, timeout(), base);
    }

    /** Opens a pull request for the branch and returns its address. */
    public String openPullRequest(Location at, String title, String body, boolean draft, List<String> labels)
            throws IOException {
        return Publishing.openPullRequest(at.path(), properties.ghBin(), properties.pushTimeout(), at.branch(), title,
                body, draft, labels);
    }

    /** Removes the worktree directory; the branch stays. Removing one already gone is fine. */
    public void remove(Location at) throws IOException {
        if (!Files.exists(at.path())) return;
        Commands.Result removed = Commands.git(at.repoRoot(), timeout(), "worktree", "remove", "--force", at.path().toString());
        if (!removed.ok() && Files.exists(at.path())) throw new IOException("could not remove the worktree: " + removed.tail(300));
    }

    private java.time.Duration timeout() {
        return properties.commandTimeout();
    }
}

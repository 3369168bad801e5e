package dev.autodev.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The git and {@code gh} commands that turn a branch's work into a pull request: commit what is left, push, open the
 * PR. Shared by worktree jobs ({@link Worktrees}) and workflows' shared worktrees ({@link SharedWorktrees}).
 */
final class Publishing {

    private Publishing() {}

    /** Commits everything in {@code dir} (new files included); false when there was nothing to commit. */
    static boolean commitAll(Path dir, Duration timeout, String message) throws IOException {
        Commands.Result status = Commands.git(dir, timeout, "status", "--porcelain");
        if (!status.ok() || status.out().isBlank()) return false;
        expect(Commands.git(dir, timeout, "add", "-A"), "stage the changes");
        List<String> commit = new ArrayList<>(List.of("git"));
        // A machine without a git identity still gets its agents' work committed.
        if (!Commands.git(dir, timeout, "config", "user.email").ok()) {
            commit.addAll(List.of("-c", "user.name=autodev", "-c", "user.email=autodev@localhost"));
        }
        commit.addAll(List.of("commit", "-q", "-m", message));
        expect(Commands.run(dir, timeout, commit), "commit the changes");
        return true;
    }

    /** Pushes {@code branch} to origin, setting it as upstream. */
    static Commands.Result push(Path dir, Duration timeout, String branch) throws IOException {
        return Commands.git(dir, timeout, "push", "-u", "origin", branch);
    }

    /** One line per commit since {@code base}, for a pull request's body. */
    static String commitList(Path dir, Duration timeout, String base) throws IOException {
        return Commands.git(dir, timeout, "log", "--format=- %h %s", base + "..HEAD").out().strip();
    }

    /**
     * Opens a pull request for {@code branch} with {@code gh pr create} and returns its address (the last line
     * {@code gh} prints). Throws with {@code gh}'s own words when it fails.
     */
    static String openPullRequest(Path dir, String ghBin, Duration timeout, String branch, String title, String body,
                                  boolean draft, List<String> labels) throws IOException {
        List<String> command = new ArrayList<>(List.of(ghBin, "pr", "create", "--head", branch, "--title", title,
                "--body", body));
        if (draft) command.add("--draft");
        for (String label : labels) command.addAll(List.of("--label", label));
        Commands.Result created = Commands.run(dir, timeout, command);
        if (!created.ok()) throw new IOException("gh pr create failed: " + created.tail(500));
        List<String> lines = created.out().strip().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw new IOException("gh pr create printed no address");
        return lines.getLast().strip();
    }

    static String expect(Commands.Result result, String what) throws IOException {
        if (!result.ok()) throw new IOException("could not " + what + ": " + result.tail(500));
        return result.out();
    }
}

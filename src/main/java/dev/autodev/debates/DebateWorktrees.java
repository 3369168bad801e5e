package dev.autodev.debates;

import dev.autodev.common.ShortTitles;
import dev.autodev.git.SharedWorktrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A debate's one worktree and branch, shared by its post-action, review and refinements (its turns only analyse, in
 * the work dir), kept as workflows keep theirs ({@link SharedWorktrees}): its place is stored before git runs, so a
 * retry finds it instead of making a second; it is checked before every acting job; at the end what is left is
 * committed, the branch pushed and a pull request opened; then the directory goes and the branch stays. Every method
 * may be called again after a crash half-way.
 */
@Component
class DebateWorktrees {

    private static final Logger log = LoggerFactory.getLogger(DebateWorktrees.class);
    private static final int TITLE_LENGTH = 72;

    private final SharedWorktrees shared;
    private final DebateRepository debates;
    private final DebateLifecycle lifecycle;
    private final TransactionTemplate tx;

    DebateWorktrees(SharedWorktrees shared, DebateRepository debates, DebateLifecycle lifecycle, TransactionTemplate tx) {
        this.shared = shared;
        this.debates = debates;
        this.lifecycle = lifecycle;
        this.tx = tx;
    }

    /**
     * Decides where the worktree goes and stores it (the first time only: the stored place wins over a second
     * decision), then makes sure it exists on its branch. Returns the debate as stored after.
     */
    Debate open(Debate debate) throws IOException {
        if (debate.worktreeState() == WorktreeState.NONE) {
            SharedWorktrees.Location at = shared.locate(Path.of(debate.workDir()), "debate-" + shortId(debate.id()),
                    title(debate.task()));
            tx.executeWithoutResult(s -> lifecycle.openWorktree(debate, at.repoRoot().toString(), at.path().toString(),
                    at.branch(), at.base()));
        }
        Debate stored = debates.find(debate.id()).orElseThrow();
        ensure(stored);
        return stored;
    }

    /** Makes sure the stored worktree is there (checked out again if its directory went) and on the debate's branch. */
    void ensure(Debate debate) throws IOException {
        if (debate.worktreePath() == null) return;
        SharedWorktrees.Location at = stored(debate);
        shared.ensure(at);
        Optional<String> branch = shared.currentBranch(at.path());
        if (branch.isEmpty() || !branch.get().equals(at.branch())) {
            throw new IOException("the worktree " + at.path() + " is on " + branch.orElse("a detached HEAD")
                    + ", not on the debate's branch " + at.branch());
        }
    }

    /**
     * Commits what the acting jobs left, pushes the branch and opens the pull request; returns its address, or null
     * when the acting changed nothing (a pull request without commits would be refused).
     */
    String publish(Debate debate, String conclusion) throws IOException {
        ensure(debate);
        SharedWorktrees.Location at = stored(debate);
        shared.commitAll(at.path(), title(debate.task()) + "\n\nLeft uncommitted by autodev debate " + debate.id() + ".");
        String commits = at.base() == null ? "" : shared.commitsSince(at.path(), at.base());
        if (commits.isBlank()) return null;
        shared.push(at);
        if (debate.prUrl() != null) return debate.prUrl();
        StringBuilder body = new StringBuilder(debate.task().strip()).append("\n\n## Conclusion\n\n")
                .append(conclusion == null ? "(none)" : conclusion.strip()).append('\n');
        body.append("\n## Commits\n\n").append(commits).append('\n');
        body.append("\n---\nOpened by autodev for debate ").append(debate.id()).append('.');
        return shared.openPullRequest(at, title(debate.task()), body.toString(), false, List.of());
    }

    /** Removes the worktree's directory; the branch stays. The problem in words, or empty when it is gone. */
    Optional<String> remove(Debate debate) {
        if (debate.worktreePath() == null) return Optional.empty();
        try {
            shared.remove(stored(debate));
            return Optional.empty();
        } catch (IOException e) {
            log.warn("removing the worktree of debate {} failed", debate.id(), e);
            return Optional.of(e.getMessage());
        }
    }

    private static SharedWorktrees.Location stored(Debate debate) {
        return new SharedWorktrees.Location(Path.of(debate.repoRoot()), Path.of(debate.worktreePath()), debate.branch(),
                debate.baseCommit());
    }

    /** The task's first line, cut at a word: the branch's name, the commit's subject and the pull request's title. */
    static String title(String task) {
        return ShortTitles.firstLine(task, TITLE_LENGTH);
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }
}

package dev.autodev.workflows;

import dev.autodev.git.SharedWorktrees;
import dev.autodev.workflows.BlockedReason.Codes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A workflow's one worktree and branch, which all its phases share: created before the first phase (its place is
 * stored before git runs, so a retry finds it), verified before every phase and on resume, committed after each
 * phase, pushed with a pull request at the end, removed when the workflow ends. Workflows without a worktree work
 * in their work dir and finish without a push.
 */
@Component
class WorkflowWorktrees {

    private static final Logger log = LoggerFactory.getLogger(WorkflowWorktrees.class);

    private final SharedWorktrees shared;
    private final WorkflowRepository workflows;
    private final WorkflowSteps steps;
    private final java.time.Clock clock;

    WorkflowWorktrees(SharedWorktrees shared, WorkflowRepository workflows, WorkflowSteps steps, java.time.Clock clock) {
        this.clock = clock;
        this.shared = shared;
        this.workflows = workflows;
        this.steps = steps;
    }

    /** Makes sure the worktree exists and is on the workflow's branch; the reason to block otherwise. */
    Optional<BlockedReason> prepare(Workflow wf) {
        if (!wf.useWorktree()) return Optional.empty();
        try {
            SharedWorktrees.Location at = location(wf);
            shared.ensure(at);
            return verify(wf, at);
        } catch (IOException e) {
            return Optional.of(new BlockedReason(Codes.WORKTREE_FAILED, "The workflow's worktree could not be prepared: "
                    + e.getMessage(), "Fix the repository (see the message), then resume."));
        }
    }

    /** Checks the branch only, changing nothing: for resume, which must not act before it knows it can. */
    Optional<BlockedReason> check(Workflow wf) {
        if (!wf.useWorktree() || wf.worktreePath() == null) return Optional.empty();
        SharedWorktrees.Location at = stored(wf);
        if (!java.nio.file.Files.isDirectory(at.path())) return Optional.empty(); // checked out again before the phase
        try {
            return verify(wf, at);
        } catch (IOException e) {
            return Optional.of(new BlockedReason(Codes.WORKTREE_FAILED, "The worktree could not be read: " + e.getMessage(),
                    "Fix the repository, then resume."));
        }
    }

    private Optional<BlockedReason> verify(Workflow wf, SharedWorktrees.Location at) throws IOException {
        Optional<String> branch = shared.currentBranch(at.path());
        if (branch.isPresent() && branch.get().equals(at.branch())) return Optional.empty();
        return Optional.of(new BlockedReason(Codes.BRANCH_MISMATCH,
                "The worktree " + at.path() + " is on " + branch.orElse("a detached HEAD") + ", not on the workflow's branch "
                        + at.branch() + ".",
                "Run 'git checkout " + at.branch() + "' in " + at.path() + " (keeping or moving what is there), then resume."));
    }

    /** Where the worktree is; the first time, decided and stored before anything is created. */
    private SharedWorktrees.Location location(Workflow wf) throws IOException {
        if (wf.worktreePath() != null) return stored(wf);
        SharedWorktrees.Location at = shared.locate(Path.of(wf.workDir()), "wf-" + shortId(wf.id()), wf.title());
        workflows.worktree(wf.id(), at.repoRoot().toString(), at.path().toString(), at.branch(), at.base());
        return at;
    }

    private static SharedWorktrees.Location stored(Workflow wf) {
        return new SharedWorktrees.Location(Path.of(wf.repoRoot()), Path.of(wf.worktreePath()), wf.branch(), wf.baseCommit());
    }

    /** After a phase: what its agent left uncommitted goes on the branch, so the next phase starts from it. */
    void commitLeftovers(Workflow wf, WorkflowStep step) {
        if (wf.worktreePath() == null) return;
        try {
            SharedWorktrees.Location at = stored(wf);
            if (!java.nio.file.Files.isDirectory(at.path()) || check(wf).isPresent()) return;
            shared.commitAll(at.path(), wf.title() + ": " + step.kind().json() + " of cycle " + step.cycle()
                    + "\n\nLeft uncommitted by autodev workflow " + wf.id() + ", job " + step.jobId() + ".");
        } catch (IOException e) {
            log.warn("committing what workflow {} left failed", wf.id(), e);
        }
    }

    /** Pushes the branch and opens the pull request (once); the failure in words, or empty when it worked. */
    Optional<String> publish(Workflow wf, boolean partial) {
        if (!wf.useWorktree() || wf.worktreePath() == null) return Optional.empty();
        try {
            SharedWorktrees.Location at = stored(wf);
            shared.ensure(at);
            shared.commitAll(at.path(), wf.title() + "\n\nLeft uncommitted by autodev workflow " + wf.id() + ".");
            shared.push(at);
            if (wf.prUrl() == null) workflows.prUrl(wf.id(), openPullRequest(wf, at, partial), clock.millis());
            return Optional.empty();
        } catch (IOException e) {
            log.warn("finalizing workflow {} failed: {}", wf.id(), e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    private String openPullRequest(Workflow wf, SharedWorktrees.Location at, boolean partial) throws IOException {
        Milestones milestones = Milestones.parse(steps.note(wf.planKey()));
        StringBuilder body = new StringBuilder(wf.task().strip()).append("\n\n## Milestones (").append(milestones.done())
                .append(" of ").append(milestones.total()).append(" done)\n\n");
        milestones.items().forEach(m -> body.append("- [").append(m.done() ? 'x' : ' ').append("] ").append(m.title()).append('\n'));
        String commits = at.base() == null ? "" : shared.commitsSince(at.path(), at.base());
        if (!commits.isBlank()) body.append("\n## Commits\n\n").append(commits).append('\n');
        body.append("\n---\nOpened by autodev for autonomous run ").append(wf.id()).append('.');
        if (!partial) return shared.openPullRequest(at, wf.title(), body.toString(), false, List.of());
        try {
            return shared.openPullRequest(at, wf.title(), body.toString(), true, List.of("partial"));
        } catch (IOException e) {
            // A repository without a "partial" label refuses the whole request; the draft still says it is unfinished.
            log.warn("opening the draft pull request of workflow {} with label partial failed ({}); trying without", wf.id(), e.getMessage());
            return shared.openPullRequest(at, "[partial] " + wf.title(), body.toString(), true, List.of());
        }
    }

    /** Removes the worktree directory; the branch stays. Never throws. */
    void remove(Workflow wf) {
        if (wf.worktreePath() == null) return;
        try {
            shared.remove(stored(wf));
        } catch (IOException e) {
            log.warn("removing the worktree of workflow {} failed", wf.id(), e);
        }
    }

    static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }
}

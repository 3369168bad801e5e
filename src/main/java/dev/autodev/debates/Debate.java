package dev.autodev.debates;

import java.time.Instant;

/**
 * A debate as stored: what was asked, its settings and where it stands. Its rounds and jobs are read from the
 * jobs it started ({@link DebateView}).
 *
 * @param postActionPrompt what the chosen side does with the conclusion, or null for none
 * @param postActionRole   the side that runs the post-action; the other one reviews it
 * @param verification     whether the other side reviews the post-action and the implementer refines it
 * @param loopCount        how many times the whole debate runs, each loop seeing the previous loop's result
 * @param projectId        the project holding the debate's jobs
 * @param conclusion       the last loop's conclusion, once finished
 * @param useWorktree      whether the post-action, review and refinements work in a worktree of the debate's own
 * @param repoRoot         the repository holding the work dir, once the worktree's place is decided
 * @param worktreePath     the shared worktree of the acting jobs, once decided (kept after it is removed)
 * @param branch           the worktree's branch, which stays after the worktree is removed
 * @param baseCommit       the commit the branch starts from
 * @param prUrl            the pull request opened for the branch, once published
 * @param worktreeState    where the worktree is in its life
 */
public record Debate(
        String id,
        String task,
        String claudeModel,
        String codexModel,
        int maxRounds,
        String templateId,
        String workDir,
        String postActionPrompt,
        Side postActionRole,
        boolean verification,
        int loopCount,
        String projectId,
        DebateStatus status,
        String statusReason,
        String conclusion,
        boolean useWorktree,
        String repoRoot,
        String worktreePath,
        String branch,
        String baseCommit,
        String prUrl,
        WorktreeState worktreeState,
        Instant createdAt,
        Instant updatedAt) {

    /** The model a side's jobs run. */
    public String model(Side side) {
        return side == Side.CLAUDE ? claudeModel : codexModel;
    }

    /** The same debate, its jobs held by {@code project}. */
    Debate inProject(String project) {
        return new Debate(id, task, claudeModel, codexModel, maxRounds, templateId, workDir, postActionPrompt,
                postActionRole, verification, loopCount, project, status, statusReason, conclusion, useWorktree, repoRoot,
                worktreePath, branch, baseCommit, prUrl, worktreeState, createdAt, updatedAt);
    }

    public boolean hasPostAction() {
        return postActionPrompt != null && !postActionPrompt.isBlank();
    }

    /** True when the debate acts, and does so in a worktree of its own. */
    boolean actsInWorktree() {
        return useWorktree && hasPostAction();
    }

    /** Where the post-action, review and refinements work: the debate's worktree once it has one, else the work dir. */
    String actingDir() {
        return actsInWorktree() && worktreePath != null ? worktreePath : workDir;
    }
}

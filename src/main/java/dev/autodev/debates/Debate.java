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
        Instant createdAt,
        Instant updatedAt) {

    /** The model a side's jobs run. */
    public String model(Side side) {
        return side == Side.CLAUDE ? claudeModel : codexModel;
    }

    /** The same debate, its jobs held by {@code project}. */
    Debate inProject(String project) {
        return new Debate(id, task, claudeModel, codexModel, maxRounds, templateId, workDir, postActionPrompt,
                postActionRole, verification, loopCount, project, status, statusReason, conclusion, createdAt, updatedAt);
    }

    public boolean hasPostAction() {
        return postActionPrompt != null && !postActionPrompt.isBlank();
    }
}

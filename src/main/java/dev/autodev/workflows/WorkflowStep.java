package dev.autodev.workflows;

import dev.autodev.agents.FailureKind;
import java.time.Instant;

/**
 * One side effect of a workflow, recorded before it ran: a phase or repair job, or the final push and pull request.
 *
 * @param seq    1, 2, ... in the order they were decided
 * @param kind   what the step does: a phase, a repair, or finalize
 * @param phase  the phase it serves: its own for a phase step, the phase a repair prepares for
 * @param status {@code started} until its outcome is settled: {@code done}, {@code failed} or {@code cancelled}
 * @param milestonesBefore milestones done when the step was decided (implement steps judge progress by it)
 * @param milestonesAfter  milestones done when the step was settled
 */
public record WorkflowStep(
        String workflowId,
        int seq,
        Phase kind,
        Phase phase,
        int cycle,
        String model,
        String jobId,
        String status,
        FailureKind failureKind,
        String message,
        Integer milestonesBefore,
        Integer milestonesAfter,
        Instant createdAt,
        Instant finishedAt) {

    static final String STARTED = "started";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    boolean settled() {
        return !STARTED.equals(status);
    }

    boolean succeeded() {
        return DONE.equals(status);
    }
}

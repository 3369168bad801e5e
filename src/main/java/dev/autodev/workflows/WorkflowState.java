package dev.autodev.workflows;

import java.util.List;

/**
 * Everything {@link NextStep} decides from, read from storage in one place: the workflow, its steps (settled ones
 * carry their outcome), its plan and contract notes, what it has spent, and the time.
 *
 * @param plan       the plan note's text, or null when there is none
 * @param contract   the contract note's text, or null when there is none
 */
record WorkflowState(Workflow workflow, List<WorkflowStep> steps, String plan, String contract, double costUsd,
                     long nowMillis, Policy policy) {

    WorkflowState {
        steps = List.copyOf(steps);
    }

    Milestones milestones() {
        return Milestones.parse(plan);
    }

    /** The knobs of self-healing, from {@link WorkflowsProperties}. */
    record Policy(int repairAttempts, int zeroProgressLimit, int transientRetries, long rateLimitCooldownMillis,
                  List<String> fallbackModels, String alternateClaudeModel, String alternateCodexModel) {}
}

package dev.autodev.workflows;

import java.util.Map;

/**
 * What a client sends to start an autonomous run. Only {@code task} is required; {@link WorkflowValidator} checks
 * the rest and fills in defaults.
 *
 * @param stopModes  per phase ({@code assess}, {@code review}, {@code implement}): {@code {"mode":..., "value":...}}
 * @param maxCostUsd the budget: past it the run pauses as {@code waiting_approval} before its next phase
 * @param approvePlan pause after assess until a person approves the plan
 */
public record NewWorkflow(
        String task,
        String title,
        String workDir,
        String implementerModel,
        String reviewerModel,
        Integer maxCycles,
        Boolean useWorktree,
        String templateId,
        Map<String, Workflow.PhaseStop> stopModes,
        Double maxCostUsd,
        Boolean approvePlan) {

    public static NewWorkflow of(String task) {
        return new NewWorkflow(task, null, null, null, null, null, null, null, null, null, null);
    }
}

package dev.autodev.workflows;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.agents.AgentRun;
import dev.autodev.jobs.Job;
import java.util.List;

/**
 * A workflow as the API shows it: its stored fields, its milestones, what it spent, and (in detail) its steps and
 * its jobs with their runs.
 */
public record WorkflowView(@JsonUnwrapped Workflow workflow, Progress milestones, double costUsd,
                           List<WorkflowStep> steps, List<JobWithRuns> jobs) {

    /** Milestones done of total, and each one's title. */
    public record Progress(int done, int total, List<Milestones.Milestone> items) {}

    /** One of the workflow's jobs with its runs. */
    public record JobWithRuns(@JsonUnwrapped Job job, List<AgentRun> runs) {}
}

package dev.autodev.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A unit of work someone queued. Its runs (agent processes) are kept separately.
 *
 * @param interactive whether its runs use the agent CLI's own terminal UI in a tmux session (a person can type into
 *                    it from the dashboard) rather than the CLI's batch mode
 * @param queueReason why a queued job has not started yet, as the dispatcher last saw it (dependencies, the agent
 *                    cap, the interactive sessions cap); null when nothing holds it back, and once it leaves the queue
 */
public record Job(
        String id,
        String title,
        String description,
        JobStatus status,
        String statusReason,
        int priority,
        String model,
        String workDir,
        Integer maxTurns,
        StopMode stopMode,
        Double stopValue,
        Map<String, String> context,
        Instant scheduledAt,
        Integer repeatIntervalSeconds,
        List<String> dependsOn,
        String parentJobId,
        String retryOfJobId,
        Instant createdAt,
        Instant updatedAt,
        boolean useWorktree,
        List<String> completionChecks,
        RetryPolicy retryPolicy,
        int maxRetries,
        int attempt,
        String templateId,
        String projectId,
        String guidelines,
        boolean flagged,
        Instant archivedAt,
        ModelChoice modelChoice,
        boolean interactive,
        String queueReason) {

    public Job {
        if (modelChoice == null) modelChoice = ModelChoice.EXPLICIT;
        completionChecks = completionChecks == null ? List.of() : List.copyOf(completionChecks);
        if (retryPolicy == null) retryPolicy = RetryPolicy.NONE;
        if (attempt < 1) attempt = 1;
    }

    /** A job nothing holds back (yet): new, or built outside the queue. */
    public Job(String id, String title, String description, JobStatus status, String statusReason, int priority,
               String model, String workDir, Integer maxTurns, StopMode stopMode, Double stopValue,
               Map<String, String> context, Instant scheduledAt, Integer repeatIntervalSeconds, List<String> dependsOn,
               String parentJobId, String retryOfJobId, Instant createdAt, Instant updatedAt, boolean useWorktree,
               List<String> completionChecks, RetryPolicy retryPolicy, int maxRetries, int attempt, String templateId,
               String projectId, String guidelines, boolean flagged, Instant archivedAt, ModelChoice modelChoice,
               boolean interactive) {
        this(id, title, description, status, statusReason, priority, model, workDir, maxTurns, stopMode, stopValue,
                context, scheduledAt, repeatIntervalSeconds, dependsOn, parentJobId, retryOfJobId, createdAt, updatedAt,
                useWorktree, completionChecks, retryPolicy, maxRetries, attempt, templateId, projectId, guidelines, flagged,
                archivedAt, modelChoice, interactive, null);
    }

    /**
     * The prompt an agent receives: the template's guidelines when the job has them, the description, then the
     * context as a list.
     */
    public String prompt() {
        StringBuilder prompt = new StringBuilder();
        if (guidelines != null && !guidelines.isBlank()) {
            prompt.append("## Guidelines\n\n").append(guidelines.strip()).append("\n\n## Task\n\n");
        }
        prompt.append(description);
        if (context.isEmpty()) return prompt.toString();
        prompt.append("\n\n## Context\n");
        context.forEach((key, value) -> prompt.append("- ").append(key).append(": ").append(value).append('\n'));
        return prompt.toString();
    }

    /** A fresh copy with a new id, used by retry; dependencies and schedule are not carried over. */
    public Job copyForRetry(String newId, Instant now) {
        return copyForRetry(newId, now, Map.of());
    }

    /** As {@link #copyForRetry(String, Instant)}, with {@code extraContext} added to the context; one attempt more. */
    public Job copyForRetry(String newId, Instant now, Map<String, String> extraContext) {
        Map<String, String> nextContext = context;
        if (!extraContext.isEmpty()) {
            var merged = new java.util.LinkedHashMap<>(context);
            merged.putAll(extraContext);
            nextContext = merged;
        }
        return new Job(newId, title, description, JobStatus.QUEUED, null, priority, model, workDir, maxTurns,
                stopMode, stopValue, nextContext, null, repeatIntervalSeconds, List.of(), parentJobId, id, now, now,
                useWorktree, completionChecks, retryPolicy, maxRetries, attempt + 1, templateId, projectId, guidelines,
                false, null, modelChoice, interactive);
    }

    /** The job with its dependency list replaced. */
    public Job withDependsOn(List<String> deps) {
        return new Job(id, title, description, status, statusReason, priority, model, workDir, maxTurns, stopMode,
                stopValue, context, scheduledAt, repeatIntervalSeconds, List.copyOf(deps), parentJobId, retryOfJobId,
                createdAt, updatedAt, useWorktree, completionChecks, retryPolicy, maxRetries, attempt, templateId,
                projectId, guidelines, flagged, archivedAt, modelChoice, interactive, queueReason);
    }

    /** Whether the job has been archived: it is kept, but off the board. */
    public boolean archived() {
        return archivedAt != null;
    }
}

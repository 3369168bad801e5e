package dev.autodev.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A unit of work someone queued. Its runs (agent processes) are kept separately. */
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
        Instant updatedAt) {

    /** The prompt an agent receives: the description, then the context as a list. */
    public String prompt() {
        if (context.isEmpty()) return description;
        StringBuilder prompt = new StringBuilder(description).append("\n\n## Context\n");
        context.forEach((key, value) -> prompt.append("- ").append(key).append(": ").append(value).append('\n'));
        return prompt.toString();
    }

    /** A fresh copy with a new id, used by retry; dependencies and schedule are not carried over. */
    public Job copyForRetry(String newId, Instant now) {
        return new Job(newId, title, description, JobStatus.QUEUED, null, priority, model, workDir, maxTurns,
                stopMode, stopValue, context, null, repeatIntervalSeconds, List.of(), parentJobId, id, now, now);
    }
}

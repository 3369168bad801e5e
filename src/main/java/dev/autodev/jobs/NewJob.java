package dev.autodev.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a client sends to create a job. Everything but the description is optional; {@link JobValidator} checks it
 * and fills in defaults. Stop mode is a string here so a wrong value gets a message that lists the choices. With a
 * {@code templateId} the template's content goes before the description as guidelines, and its default model and
 * work dir apply when the request names none.
 */
public record NewJob(
        String description,
        String title,
        Integer priority,
        String model,
        String workDir,
        Integer maxTurns,
        String stopMode,
        Double stopValue,
        List<String> dependsOn,
        Map<String, String> context,
        Instant scheduledAt,
        Integer repeatIntervalSeconds,
        Boolean useWorktree,
        List<String> completionChecks,
        String retryPolicy,
        Integer maxRetries,
        String templateId,
        String projectId) {

    public static NewJob of(String description) {
        return new NewJob(description, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** This request in a project. */
    public NewJob inProject(String project) {
        return new NewJob(description, title, priority, model, workDir, maxTurns, stopMode, stopValue, dependsOn,
                context, scheduledAt, repeatIntervalSeconds, useWorktree, completionChecks, retryPolicy, maxRetries,
                templateId, project);
    }
}

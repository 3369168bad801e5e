package dev.autodev.agents;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to start one run.
 *
 * @param timeLimit        stop the run after this long (stop mode time), or null
 * @param budgetUsd        stop the run once it has spent this much (stop mode budget), or null
 * @param resumedFromRunId the run whose conversation this one continues, or null for a fresh conversation
 * @param token            the run's secret for MCP and the lock hook; issued when the run is recorded
 */
public record LaunchPlan(
        String runId,
        String jobId,
        String model,
        Path workDir,
        String prompt,
        Integer maxTurns,
        Double budgetUsd,
        Duration timeLimit,
        String sessionId,
        String resumedFromRunId,
        String token) {

    LaunchPlan withToken(String newToken) {
        return new LaunchPlan(runId, jobId, model, workDir, prompt, maxTurns, budgetUsd, timeLimit, sessionId,
                resumedFromRunId, newToken);
    }

    /** The same plan, run in another directory (a worktree). */
    public LaunchPlan withWorkDir(Path dir) {
        return new LaunchPlan(runId, jobId, model, dir, prompt, maxTurns, budgetUsd, timeLimit, sessionId,
                resumedFromRunId, token);
    }

    /** What the CLI needs to build this plan's command, connected through {@code connection}. */
    public LaunchRequest request(AgentConnection connection) {
        return new LaunchRequest(runId, model, workDir, maxTurns, budgetUsd, sessionId, resumedFromRunId != null, connection);
    }
}

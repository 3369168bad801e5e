package dev.autodev.agents;

import java.time.Instant;

/**
 * One agent process working on a job (the API calls it an agent).
 *
 * @param workDir    the directory its process works in (a worktree for a worktree job), once it has started
 * @param baseCommit the commit checked out there when it started, or null (not a git work tree, or no commit yet)
 * @param retrying   the model provider retry the run's CLI is waiting on right now, or null
 */
public record AgentRun(
        String id,
        String jobId,
        RunStatus status,
        String agentKind,
        String model,
        Long pid,
        String sessionId,
        String resumedFromId,
        String statusMessage,
        Instant startedAt,
        Instant processStartedAt,
        Instant finishedAt,
        Instant lastOutputAt,
        int numTurns,
        double costUsd,
        boolean costEstimated,
        long inputTokens,
        long outputTokens,
        String resultText,
        String errorMessage,
        Integer exitCode,
        FailureKind failureKind,
        String workDir,
        String baseCommit,
        ProviderRetry retrying) {}

package dev.autodev.agents;

import java.nio.file.Path;

/**
 * What a CLI needs to know to build a run's command. The prompt is not here: it reaches the process on stdin from a
 * file, so it never shows in a process listing and has no length limit.
 *
 * @param maxTurns   turn cap, or null for the CLI's own default
 * @param budgetUsd  spend cap in US dollars, or null
 * @param sessionId  the conversation id; with {@code resume} the run continues that conversation
 * @param connection how the agent reaches the orchestrator (MCP, lock hook) as itself
 */
public record LaunchRequest(String runId, String model, Path workDir, Integer maxTurns, Double budgetUsd,
                            String sessionId, boolean resume, AgentConnection connection) {}

package dev.autodev.agents;

/**
 * Running totals a parser keeps while a run's output streams in.
 *
 * @param costEstimated whether {@code costUsd} is the orchestrator's estimate from a price table (the CLI reported
 *                      tokens only, as Codex does) rather than the CLI's own figure
 */
public record RunProgress(String sessionId, int numTurns, long inputTokens, long outputTokens, double costUsd,
                          boolean costEstimated) {

    /** Totals whose cost the CLI reported itself. */
    public RunProgress(String sessionId, int numTurns, long inputTokens, long outputTokens, double costUsd) {
        this(sessionId, numTurns, inputTokens, outputTokens, costUsd, false);
    }
}

package dev.autodev.agents;

/**
 * Running totals a parser keeps while a run's output streams in, and what the run is doing right now.
 *
 * @param costEstimated whether {@code costUsd} is the orchestrator's estimate from a price table (the CLI reported
 *                      tokens only, as Codex does) rather than the CLI's own figure
 * @param retrying      the provider retry the CLI is waiting on, or null when the model answered since (or never
 *                      refused)
 */
public record RunProgress(String sessionId, int numTurns, long inputTokens, long outputTokens, double costUsd,
                          boolean costEstimated, ProviderRetry retrying) {

    /** Totals whose cost the CLI reported itself. */
    public RunProgress(String sessionId, int numTurns, long inputTokens, long outputTokens, double costUsd,
                       ProviderRetry retrying) {
        this(sessionId, numTurns, inputTokens, outputTokens, costUsd, false, retrying);
    }
}

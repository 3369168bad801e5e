package dev.autodev.usage;

import java.util.List;

/**
 * Spend and tokens summed over runs, by agent CLI and by model.
 *
 * @param totalCostUsd what every run cost, reported and estimated together
 * @param byAgent      one line per CLI ({@code claude}, {@code codex})
 * @param byModel      one line per CLI and model
 */
public record UsageReport(double totalCostUsd, List<Line> byAgent, List<Line> byModel) {

    /**
     * @param agent            the CLI that ran the runs
     * @param provider         who served the model ({@code anthropic} or {@code openai})
     * @param model            the model, or null on a per-agent line
     * @param estimatedCostUsd the part of {@code costUsd} the orchestrator estimated from its price table
     */
    public record Line(String agent, String provider, String model, long runs, double costUsd, double estimatedCostUsd,
                       long inputTokens, long outputTokens) {}
}

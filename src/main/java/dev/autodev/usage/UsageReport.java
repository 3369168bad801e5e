package dev.autodev.usage;

import java.util.List;

/**
 * Spend and tokens summed over runs, by agent CLI and by model.
 *
 * @param totalCostUsd what every run cost, reported and estimated together
 * @param byAgent      one line per CLI ({@code claude}, {@code codex})
 * @param byModel      one line per CLI and model
 * @param system       the system's own small-model calls (triage, classification, consolidation), apart from jobs
 *                     and not in {@code totalCostUsd}
 */
public record UsageReport(double totalCostUsd, List<Line> byAgent, List<Line> byModel, SystemSpend system) {

    /**
     * What the system spent on its own questions to the small model.
     *
     * @param byPurpose one line per purpose ({@code triage}, {@code classify}, {@code consolidate})
     */
    public record SystemSpend(double costUsd, long calls, long failedCalls, List<Purpose> byPurpose) {}

    /** The small-model calls made for one purpose. */
    public record Purpose(String purpose, String model, long calls, long failedCalls, double costUsd,
                          long inputTokens, long outputTokens) {}


    /**
     * @param agent            the CLI that ran the runs
     * @param provider         who served the model ({@code anthropic} or {@code openai})
     * @param model            the model, or null on a per-agent line
     * @param estimatedCostUsd the part of {@code costUsd} the orchestrator estimated from its price table
     */
    public record Line(String agent, String provider, String model, long runs, double costUsd, double estimatedCostUsd,
                       long inputTokens, long outputTokens) {}
}

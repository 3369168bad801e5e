package dev.autodev.usage;

import java.time.Instant;
import java.util.List;

/**
 * Spend and tokens summed over the runs that started in a window, along several dimensions.
 *
 * @param from         the window's start, or null for since the beginning
 * @param to           the window's end (exclusive), or null for up to now
 * @param totalCostUsd what every run cost, reported and estimated together
 * @param byAgent      one line per CLI ({@code claude}, {@code codex})
 * @param byModel      one line per CLI and model
 * @param byDay        one bucket per UTC day that had runs, oldest first ({@code key} is {@code yyyy-mm-dd})
 * @param byProject    one bucket per project, costliest first; runs of jobs in no project make a bucket whose
 *                     {@code key} and {@code name} are null
 * @param byTemplate   one bucket per job template, costliest first; runs of jobs made without one make a bucket
 *                     whose {@code key} and {@code name} are null
 * @param system       the system's own small-model calls (triage, classification, consolidation) made in the window,
 *                     apart from jobs and not in {@code totalCostUsd}
 */
public record UsageReport(Instant from, Instant to, double totalCostUsd, List<Line> byAgent, List<Line> byModel,
                          List<Bucket> byDay, List<Bucket> byProject, List<Bucket> byTemplate, SystemSpend system) {

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

    /**
     * Spend in one bucket of a dimension.
     *
     * @param key              the bucket: a day, a project id, a template id
     * @param name             what people call it: the day itself, the project's or template's name
     * @param estimatedCostUsd the part of {@code costUsd} estimated from the price table (Codex); the rest was reported
     */
    public record Bucket(String key, String name, long runs, double costUsd, double estimatedCostUsd, long inputTokens,
                         long outputTokens) {}
}

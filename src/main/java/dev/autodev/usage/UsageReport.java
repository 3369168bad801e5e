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
 * @param byProject    one bucket per project; empty while jobs carry no project
 * @param byTemplate   one bucket per job template; empty while jobs carry no template
 * @param system       what the orchestrator itself spent on small-model calls (triage, classification), apart
 *                     from the runs; zero until those calls are recorded
 */
public record UsageReport(Instant from, Instant to, double totalCostUsd, List<Line> byAgent, List<Line> byModel,
                          List<Bucket> byDay, List<Bucket> byProject, List<Bucket> byTemplate, SystemSpend system) {

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
     * @param estimatedCostUsd the part of {@code costUsd} estimated from the price table (Codex); the rest was reported
     */
    public record Bucket(String key, long runs, double costUsd, double estimatedCostUsd, long inputTokens,
                         long outputTokens) {}

    /** The orchestrator's own model calls, by what they were for ({@code triage}, {@code classification}). */
    public record SystemSpend(double costUsd, long inputTokens, long outputTokens, List<Bucket> byPurpose) {

        public static final SystemSpend NONE = new SystemSpend(0, 0, 0, List.of());
    }
}

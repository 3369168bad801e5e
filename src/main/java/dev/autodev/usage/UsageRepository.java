package dev.autodev.usage;

import dev.autodev.common.Db;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Repository;

/** Sums what runs spent, straight from the runs table, over the runs that started in a window. */
@Repository
public class UsageRepository {

    private static final String SUMS = """
            count(*) AS runs, coalesce(sum(cost_usd), 0) AS cost,
            coalesce(sum(CASE WHEN cost_estimated <> 0 THEN cost_usd ELSE 0 END), 0) AS estimated,
            coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output""";
    private static final String WINDOW = "(:from IS NULL OR started_at >= :from) AND (:to IS NULL OR started_at < :to)";
    private static final String BY_AGENT = "SELECT agent_kind, NULL AS model, " + SUMS + " FROM agent_runs WHERE "
            + WINDOW + " GROUP BY agent_kind ORDER BY agent_kind";
    private static final String BY_MODEL = "SELECT agent_kind, model, " + SUMS + " FROM agent_runs WHERE "
            + WINDOW + " GROUP BY agent_kind, model ORDER BY agent_kind, model";
    // Days in UTC: the same for every viewer, and what the date range's plain dates mean.
    private static final String BY_DAY = "SELECT date(started_at / 1000, 'unixepoch') AS key, " + SUMS
            + " FROM agent_runs WHERE " + WINDOW + " GROUP BY key ORDER BY key";

    private final Db db;

    UsageRepository(Db db) {
        this.db = db;
    }

    /** Every run ever. */
    public UsageReport report() {
        return report(null, null);
    }

    /** Runs that started in [from, to); either end may be null (open). */
    public UsageReport report(Instant from, Instant to) {
        Long fromMillis = from == null ? null : from.toEpochMilli();
        Long toMillis = to == null ? null : to.toEpochMilli();
        List<UsageReport.Line> byAgent = lines(BY_AGENT, fromMillis, toMillis);
        List<UsageReport.Line> byModel = lines(BY_MODEL, fromMillis, toMillis);
        List<UsageReport.Bucket> byDay = db.read().sql(BY_DAY).param("from", fromMillis).param("to", toMillis)
                .query((rs, row) -> new UsageReport.Bucket(rs.getString("key"), rs.getLong("runs"),
                        rs.getDouble("cost"), rs.getDouble("estimated"), rs.getLong("input"), rs.getLong("output")))
                .list();
        double total = byAgent.stream().mapToDouble(UsageReport.Line::costUsd).sum();
        // byProject, byTemplate and system stay empty until jobs carry a project and template and small-model calls
        // are recorded; the fields are here so clients can be written against the final shape.
        return new UsageReport(from, to, total, byAgent, byModel, byDay, List.of(), List.of(),
                UsageReport.SystemSpend.NONE);
    }

    private List<UsageReport.Line> lines(String sql, Long from, Long to) {
        return db.read().sql(sql).param("from", from).param("to", to).query((rs, row) -> {
            String agent = rs.getString("agent_kind");
            return new UsageReport.Line(agent, providerOf(agent), rs.getString("model"), rs.getLong("runs"),
                    rs.getDouble("cost"), rs.getDouble("estimated"), rs.getLong("input"), rs.getLong("output"));
        }).list();
    }

    static String providerOf(String agent) {
        return switch (agent.toLowerCase(Locale.ROOT)) {
            case "claude" -> "anthropic";
            case "codex" -> "openai";
            default -> agent;
        };
    }
}

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
    private static final String BY_DAY = "SELECT date(started_at / 1000, 'unixepoch') AS key,"
            + " date(started_at / 1000, 'unixepoch') AS name, " + SUMS
            + " FROM agent_runs WHERE " + WINDOW + " GROUP BY key ORDER BY key";
    // A run counts towards its job's project and template; a job in none makes the bucket with a null key.
    private static final String BY_PROJECT = "SELECT j.project_id AS key, p.name AS name, " + SUMS
            + " FROM agent_runs r JOIN jobs j ON j.id = r.job_id LEFT JOIN projects p ON p.id = j.project_id WHERE "
            + WINDOW + " GROUP BY j.project_id ORDER BY cost DESC, key";
    private static final String BY_TEMPLATE = "SELECT j.template_id AS key, t.name AS name, " + SUMS
            + " FROM agent_runs r JOIN jobs j ON j.id = r.job_id LEFT JOIN templates t ON t.id = j.template_id WHERE "
            + WINDOW + " GROUP BY j.template_id ORDER BY cost DESC, key";

    private static final String SYSTEM = """
            SELECT purpose, model, count(*) AS calls, coalesce(sum(CASE WHEN ok = 0 THEN 1 ELSE 0 END), 0) AS failed,
                   coalesce(sum(cost_usd), 0) AS cost, coalesce(sum(input_tokens), 0) AS input,
                   coalesce(sum(output_tokens), 0) AS output
            FROM small_model_calls WHERE (:from IS NULL OR created_at >= :from) AND (:to IS NULL OR created_at < :to)
            GROUP BY purpose, model ORDER BY purpose, model""";

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
        List<UsageReport.Bucket> byDay = buckets(BY_DAY, fromMillis, toMillis);
        List<UsageReport.Bucket> byProject = buckets(BY_PROJECT, fromMillis, toMillis);
        List<UsageReport.Bucket> byTemplate = buckets(BY_TEMPLATE, fromMillis, toMillis);
        double total = byAgent.stream().mapToDouble(UsageReport.Line::costUsd).sum();
        return new UsageReport(from, to, total, byAgent, byModel, byDay, byProject, byTemplate,
                system(fromMillis, toMillis));
    }

    /** Small-model calls made in the window: the same window as the runs, by when each call was made. */
    private UsageReport.SystemSpend system(Long from, Long to) {
        List<UsageReport.Purpose> lines = db.read().sql(SYSTEM).param("from", from).param("to", to)
                .query((rs, row) -> new UsageReport.Purpose(rs.getString("purpose"), rs.getString("model"),
                        rs.getLong("calls"), rs.getLong("failed"), rs.getDouble("cost"), rs.getLong("input"),
                        rs.getLong("output"))).list();
        return new UsageReport.SystemSpend(lines.stream().mapToDouble(UsageReport.Purpose::costUsd).sum(),
                lines.stream().mapToLong(UsageReport.Purpose::calls).sum(),
                lines.stream().mapToLong(UsageReport.Purpose::failedCalls).sum(), lines);
    }

    private List<UsageReport.Bucket> buckets(String sql, Long from, Long to) {
        return db.read().sql(sql).param("from", from).param("to", to)
                .query((rs, row) -> new UsageReport.Bucket(rs.getString("key"), rs.getString("name"),
                        rs.getLong("runs"), rs.getDouble("cost"), rs.getDouble("estimated"), rs.getLong("input"),
                        rs.getLong("output")))
                .list();
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

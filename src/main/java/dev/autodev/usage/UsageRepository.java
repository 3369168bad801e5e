package dev.autodev.usage;

import dev.autodev.common.Db;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Repository;

/** Sums what runs spent, straight from the runs table. */
@Repository
public class UsageRepository {

    private static final String BY_AGENT = """
            SELECT agent_kind, NULL AS model, count(*) AS runs, coalesce(sum(cost_usd), 0) AS cost,
                   coalesce(sum(CASE WHEN cost_estimated <> 0 THEN cost_usd ELSE 0 END), 0) AS estimated,
                   coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output
            FROM agent_runs GROUP BY agent_kind ORDER BY agent_kind""";
    private static final String BY_MODEL = """
            SELECT agent_kind, model, count(*) AS runs, coalesce(sum(cost_usd), 0) AS cost,
                   coalesce(sum(CASE WHEN cost_estimated <> 0 THEN cost_usd ELSE 0 END), 0) AS estimated,
                   coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output
            FROM agent_runs GROUP BY agent_kind, model ORDER BY agent_kind, model""";

    private static final String SYSTEM = """
            SELECT purpose, model, count(*) AS calls, coalesce(sum(CASE WHEN ok = 0 THEN 1 ELSE 0 END), 0) AS failed,
                   coalesce(sum(cost_usd), 0) AS cost, coalesce(sum(input_tokens), 0) AS input,
                   coalesce(sum(output_tokens), 0) AS output
            FROM small_model_calls GROUP BY purpose, model ORDER BY purpose, model""";

    private final Db db;

    UsageRepository(Db db) {
        this.db = db;
    }

    public UsageReport report() {
        List<UsageReport.Line> byAgent = lines(BY_AGENT);
        List<UsageReport.Line> byModel = lines(BY_MODEL);
        double total = byAgent.stream().mapToDouble(UsageReport.Line::costUsd).sum();
        return new UsageReport(total, byAgent, byModel, system());
    }

    private UsageReport.SystemSpend system() {
        List<UsageReport.Purpose> lines = db.read().sql(SYSTEM).query((rs, row) -> new UsageReport.Purpose(
                rs.getString("purpose"), rs.getString("model"), rs.getLong("calls"), rs.getLong("failed"),
                rs.getDouble("cost"), rs.getLong("input"), rs.getLong("output"))).list();
        return new UsageReport.SystemSpend(lines.stream().mapToDouble(UsageReport.Purpose::costUsd).sum(),
                lines.stream().mapToLong(UsageReport.Purpose::calls).sum(),
                lines.stream().mapToLong(UsageReport.Purpose::failedCalls).sum(), lines);
    }

    private List<UsageReport.Line> lines(String sql) {
        return db.read().sql(sql).query((rs, row) -> {
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

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

    private final Db db;

    UsageRepository(Db db) {
        this.db = db;
    }

    public UsageReport report() {
        List<UsageReport.Line> byAgent = lines(BY_AGENT);
        List<UsageReport.Line> byModel = lines(BY_MODEL);
        double total = byAgent.stream().mapToDouble(UsageReport.Line::costUsd).sum();
        return new UsageReport(total, byAgent, byModel);
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

package dev.autodev.agents.codex;

import dev.autodev.common.Db;
import org.springframework.stereotype.Component;

/** What the earlier runs of a Codex thread already recorded, so a resumed run counts only its own share. */
@Component
class CodexThreadTotals {

    private static final String BEFORE = """
            SELECT coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output,
                   coalesce(sum(cost_usd), 0) AS cost
            FROM agent_runs WHERE session_id = ? AND id <> ?""";

    /** Tokens and cost recorded so far. */
    record Totals(long inputTokens, long outputTokens, double costUsd) {
        static final Totals NONE = new Totals(0, 0, 0);
    }

    private final Db db;

    CodexThreadTotals(Db db) {
        this.db = db;
    }

    Totals before(String threadId, String runId) {
        if (threadId == null) return Totals.NONE;
        return db.write().sql(BEFORE).params(threadId, runId)
                .query((rs, row) -> new Totals(rs.getLong("input"), rs.getLong("output"), rs.getDouble("cost")))
                .single();
    }
}

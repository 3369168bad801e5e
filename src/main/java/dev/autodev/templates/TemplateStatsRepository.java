package dev.autodev.templates;

import dev.autodev.common.Db;
import dev.autodev.templates.TemplateStats.ModelStats;
import dev.autodev.templates.TemplateStats.TemplateModelStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * Per-template run stats, aggregated by SQLite over the runs. The sums (not the means) come back, so the overall
 * figure of a template is the exact sum of its per-model rows. Reads walk {@code jobs_template} to the template's
 * jobs and the covering index {@code agent_runs_stats} to their runs, never the run rows themselves.
 */
@Repository
class TemplateStatsRepository {

    private static final String AGGREGATES = """
            count(*) AS runs, sum(r.status = 'done') AS succeeded, sum(r.cost_usd) AS cost_sum,
            sum(r.num_turns) AS turns_sum, sum(r.finished_at - r.started_at) AS duration_sum""";
    private static final String BY_MODEL = """
            SELECT r.model, %s
            FROM jobs j JOIN agent_runs r ON r.job_id = j.id
            WHERE j.template_id = ? AND r.status IN ('done', 'failed')
            GROUP BY r.model ORDER BY runs DESC, r.model""".formatted(AGGREGATES);
    private static final String BY_TEMPLATE_AND_MODEL = """
            SELECT t.id AS template_id, t.name AS template_name, r.model, %s
            FROM templates t JOIN jobs j ON j.template_id = t.id JOIN agent_runs r ON r.job_id = j.id
            WHERE r.status IN ('done', 'failed')
            GROUP BY t.id, r.model ORDER BY t.name COLLATE NOCASE, t.id, runs DESC, r.model""".formatted(AGGREGATES);

    private final Db db;

    TemplateStatsRepository(Db db) {
        this.db = db;
    }

    List<ModelStats> byModel(String templateId) {
        return db.read().sql(BY_MODEL).param(templateId)
                .query((rs, row) -> new ModelStats(rs.getString("model"), stats(rs))).list();
    }

    List<TemplateModelStats> byTemplateAndModel() {
        return db.read().sql(BY_TEMPLATE_AND_MODEL).query((rs, row) -> new TemplateModelStats(
                rs.getString("template_id"), rs.getString("template_name"), rs.getString("model"), stats(rs))).list();
    }

    private static RunStats stats(ResultSet rs) throws SQLException {
        return RunStats.fromSums(rs.getLong("runs"), rs.getLong("succeeded"), rs.getDouble("cost_sum"),
                rs.getDouble("turns_sum"), rs.getDouble("duration_sum"));
    }

    /** Folds per-model rows into one: every figure is a sum or a count, so the total is exact. */
    static RunStats total(List<ModelStats> rows) {
        long runs = 0;
        long succeeded = 0;
        double cost = 0;
        double turns = 0;
        double duration = 0;
        for (ModelStats row : rows) {
            RunStats s = row.stats();
            runs += s.runs();
            succeeded += s.succeeded();
            cost += s.avgCostUsd() * s.runs();
            turns += s.avgTurns() * s.runs();
            duration += s.avgDurationMs() * s.runs();
        }
        return RunStats.fromSums(runs, succeeded, cost, turns, duration);
    }
}

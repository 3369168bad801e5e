package dev.autodev.templates;

import dev.autodev.common.Db;
import dev.autodev.templates.TemplateStats.ModelStats;
import dev.autodev.templates.TemplateStats.TemplateModelStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * Per-template run stats. SQLite keeps the sums in {@code template_run_stats} with triggers on {@code agent_runs}
 * (see migration V10) as runs finish, so a read is a row per model however many runs there are; the means are the
 * sums divided here, and a template's overall figure is the exact sum of its per-model rows.
 */
@Repository
class TemplateStatsRepository {

    private static final String COLUMNS = "s.model, s.runs, s.succeeded, s.cost_sum, s.turns_sum, s.duration_sum";
    private static final String BY_MODEL = "SELECT " + COLUMNS + " FROM template_run_stats s"
            + " WHERE s.template_id = ? AND s.runs > 0 ORDER BY s.runs DESC, s.model";
    private static final String BY_TEMPLATE_AND_MODEL = "SELECT t.id AS template_id, t.name AS template_name, " + COLUMNS
            + " FROM template_run_stats s JOIN templates t ON t.id = s.template_id WHERE s.runs > 0"
            + " ORDER BY t.name COLLATE NOCASE, t.id, s.runs DESC, s.model";

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

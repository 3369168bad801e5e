package dev.autodev.fleet;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** Reads the runs that overlap a window, with their jobs, in one query. */
@Repository
public class TimelineRepository {

    /** More bars than this is no longer a chart anyone reads; the answer says it was cut. */
    static final int MAX_RUNS = 20_000;

    private static final String COLUMNS = """
            r.id AS run_id, r.job_id, r.status, r.failure_kind, r.agent_kind, r.model, r.started_at, r.finished_at, r.cost_usd,
            j.title, j.status AS job_status FROM agent_runs r JOIN jobs j ON j.id = r.job_id""";
    // Runs that started before the window's end and finished after its start, or have not finished. Two halves, so
    // each walks the index on finished_at from the window's start rather than every run that ever started before it.
    private static final String OVERLAPPING = "SELECT " + COLUMNS + " WHERE r.finished_at >= :from AND r.started_at < :to"
            + " UNION ALL SELECT " + COLUMNS + " WHERE r.finished_at IS NULL AND r.started_at < :to"
            + " ORDER BY started_at, run_id LIMIT :limit";

    private final Db db;

    TimelineRepository(Db db) {
        this.db = db;
    }

    public Timeline between(Instant from, Instant to) {
        Map<String, RowBuilder> rows = new LinkedHashMap<>(1024);
        int[] count = {0};
        db.read().sql(OVERLAPPING).param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .param("limit", MAX_RUNS + 1)
                .query(rs -> {
                    if (++count[0] > MAX_RUNS) return;
                    // By position (the order of COLUMNS): thousands of rows, each name lookup costs a map probe.
                    String jobId = rs.getString(2);
                    long finished = rs.getLong(8);
                    Instant finishedAt = rs.wasNull() ? null : instant(finished);
                    RowBuilder row = rows.get(jobId);
                    if (row == null) {
                        row = new RowBuilder(jobId, rs.getString(10), rs.getString(11));
                        rows.put(jobId, row);
                    }
                    row.runs.add(new Timeline.Bar(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), instant(rs.getLong(7)), finishedAt, rs.getDouble(9)));
                });
        List<Timeline.Row> list = new ArrayList<>(rows.size());
        rows.values().forEach(b -> list.add(new Timeline.Row(b.jobId, b.title, b.status, Collections.unmodifiableList(b.runs))));
        boolean truncated = count[0] > MAX_RUNS;
        return new Timeline(from, to, list, Math.min(count[0], MAX_RUNS), truncated);
    }

    private static final class RowBuilder {
        final String jobId;
        final String title;
        final String status;
        final List<Timeline.Bar> runs = new ArrayList<>(2);

        RowBuilder(String jobId, String title, String status) {
            this.jobId = jobId;
            this.title = title;
            this.status = status;
        }
    }
}

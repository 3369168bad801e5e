package dev.autodev.kb;

import static dev.autodev.common.SqlRows.nullableLong;
import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Reported learnings and triage's decisions about them. */
@Repository
class LearningRepository {

    private static final String COLUMNS = """
            id, run_id, job_id, model, project, title, content, tags, scope_hint, status, reason, entry_id, created_at,
            decided_at""";
    private static final String INSERT = "INSERT INTO kb_learnings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Claims a job's reported learnings for one triage pass: whoever moves them to triaging decides them.
    private static final String CLAIM = "UPDATE kb_learnings SET status = 'triaging' WHERE job_id = ? AND status = 'reported'";
    private static final String TRIAGING_OF = "SELECT " + COLUMNS + " FROM kb_learnings WHERE job_id = ? AND status = 'triaging' ORDER BY created_at, rowid";
    private static final String DECIDE = "UPDATE kb_learnings SET status = ?, reason = ?, entry_id = ?, decided_at = ? WHERE id = ?";
    private static final String OF_JOB = "SELECT " + COLUMNS + " FROM kb_learnings WHERE job_id = ? ORDER BY created_at, rowid";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM kb_learnings ORDER BY created_at DESC, rowid DESC LIMIT ?";
    private static final String JOBS_WAITING = "SELECT DISTINCT job_id FROM kb_learnings WHERE status IN ('reported', 'triaging')";
    private static final String RELEASE = "UPDATE kb_learnings SET status = 'reported' WHERE status = 'triaging'";

    private final Db db;

    LearningRepository(Db db) {
        this.db = db;
    }

    void insert(Learning l) {
        db.write().sql(INSERT).params(l.id(), l.runId(), l.jobId(), l.model(), l.project(), l.title(), l.content(),
                Tags.stored(l.tags()), l.scopeHint().wireName(), l.status(), l.reason(), l.entryId(),
                l.createdAt().toEpochMilli(), l.decidedAt() == null ? null : l.decidedAt().toEpochMilli()).update();
    }

    /** The job's learnings this pass now owns; empty when there were none or another pass took them. */
    List<Learning> claim(String jobId) {
        if (db.write().sql(CLAIM).param(jobId).update() == 0) return List.of();
        return db.write().sql(TRIAGING_OF).param(jobId).query(LearningRepository::map).list();
    }

    void decide(String id, String status, String reason, String entryId, long nowMillis) {
        db.write().sql(DECIDE).params(status, reason, entryId, nowMillis, id).update();
    }

    List<Learning> ofJob(String jobId) {
        return db.read().sql(OF_JOB).param(jobId).query(LearningRepository::map).list();
    }

    List<Learning> recent(int limit) {
        return db.read().sql(RECENT).param(limit).query(LearningRepository::map).list();
    }

    /** After a restart: passes that were cut short give their learnings back, and every waiting job is listed. */
    List<String> jobsWaitingAfterRestart() {
        db.write().sql(RELEASE).update();
        return db.write().sql(JOBS_WAITING).query(String.class).list();
    }

    private static Learning map(ResultSet rs, int row) throws SQLException {
        return new Learning(rs.getString("id"), rs.getString("run_id"), rs.getString("job_id"), rs.getString("model"),
                rs.getString("project"), rs.getString("title"), rs.getString("content"), Tags.fromStored(rs.getString("tags")),
                KbScope.parse(rs.getString("scope_hint")).orElse(KbScope.PROJECT), rs.getString("status"),
                rs.getString("reason"), rs.getString("entry_id"), instant(rs.getLong("created_at")),
                instant(nullableLong(rs, "decided_at")));
    }
}

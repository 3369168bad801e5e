package dev.autodev.questions;

import static dev.autodev.common.SqlRows.nullableLong;
import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Questions in plain SQL. Status changes go through {@link QuestionLifecycle}. */
@Repository
class QuestionRepository {

    private static final String COLUMNS = "id, run_id, job_id, question, status, created_at, answer, answered_at";
    private static final String INSERT = """
            INSERT INTO questions (id, run_id, job_id, question, status, created_at)
            VALUES (:id, :runId, :jobId, :question, 'pending', :at)""";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM questions WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM questions WHERE (:status IS NULL OR status = :status)"
            + " ORDER BY created_at DESC, id LIMIT :limit";
    private static final String PENDING_OF_RUN = "SELECT " + COLUMNS + " FROM questions"
            + " WHERE run_id = ? AND status = 'pending' ORDER BY created_at";
    private static final String HAS_PENDING = "SELECT count(*) FROM questions WHERE run_id = ? AND status = 'pending'";
    private static final String MOVE = """
            UPDATE questions SET status = :to, answer = :answer, answered_at = :answeredAt
            WHERE id = :id AND status = :from""";

    private final Db db;

    QuestionRepository(Db db) {
        this.db = db;
    }

    void insertPending(String id, String runId, String jobId, String question, long nowMillis) {
        db.write().sql(INSERT).param("id", id).param("runId", runId).param("jobId", jobId)
                .param("question", question).param("at", nowMillis).update();
    }

    Optional<Question> find(String id) {
        return db.read().sql(BY_ID).param(id).query(QuestionRepository::map).optional();
    }

    /** Reads through the writer connection, for use inside a write transaction. */
    Optional<Question> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(QuestionRepository::map).optional();
    }

    List<Question> list(QuestionStatus status, int limit) {
        return db.read().sql(LIST).param("status", status == null ? null : status.wireName()).param("limit", limit)
                .query(QuestionRepository::map).list();
    }

    List<Question> pendingOfRun(String runId) {
        return db.write().sql(PENDING_OF_RUN).param(runId).query(QuestionRepository::map).list();
    }

    /** Through the reader pool: a cheap look before taking the writer for nothing. */
    boolean hasPending(String runId) {
        return db.read().sql(HAS_PENDING).param(runId).query(Long.class).single() > 0;
    }

    /** Moves a question only if it is still in {@code from}; a lost race updates nothing and returns false. */
    boolean move(String id, QuestionStatus from, QuestionStatus to, String answer, Long answeredAtMillis) {
        return db.write().sql(MOVE).param("to", to.wireName()).param("answer", answer)
                .param("answeredAt", answeredAtMillis).param("id", id).param("from", from.wireName()).update() == 1;
    }

    private static Question map(ResultSet rs, int row) throws SQLException {
        return new Question(rs.getString("id"), rs.getString("run_id"), rs.getString("job_id"), rs.getString("question"),
                QuestionStatus.fromWire(rs.getString("status")), instant(rs.getLong("created_at")),
                rs.getString("answer"), instant(nullableLong(rs, "answered_at")));
    }
}

package dev.autodev.agents;

import static dev.autodev.common.SqlRows.nullableInt;
import static dev.autodev.common.SqlRows.nullableLong;
import static dev.autodev.common.Times.instant;
import static dev.autodev.common.Times.millis;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Agent runs in plain SQL. Status changes go through {@link RunLifecycle}. */
@Repository
public class RunRepository {

    private static final String COLUMNS = """
            id, job_id, status, agent_kind, model, pid, session_id, resumed_from_id, status_message, started_at,
            process_started_at, finished_at, last_output_at, num_turns, cost_usd, cost_estimated, input_tokens, output_tokens,
            result_text, error_message, exit_code, failure_kind, work_dir, base_commit,
            retry_status, retry_error, retry_attempt, retry_max_attempts, retry_delay_ms, retry_at""";
    private static final String INSERT = """
            INSERT INTO agent_runs (id, job_id, status, agent_kind, model, session_id, resumed_from_id, prompt, started_at)
            VALUES (:id, :jobId, 'starting', :kind, :model, :sessionId, :resumedFrom, :prompt, :now)""";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM agent_runs WHERE id = ?";
    private static final String BY_JOB = "SELECT " + COLUMNS + " FROM agent_runs WHERE job_id = ? ORDER BY started_at, id";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM agent_runs WHERE (:status IS NULL OR status = :status)"
            + " ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM agent_runs WHERE (:status IS NULL OR status = :status)";
    private static final String ACTIVE_BY_KIND = """
            SELECT agent_kind, count(*) AS n FROM agent_runs WHERE status IN ('starting', 'running', 'waiting_user', 'idle')
            GROUP BY agent_kind""";
    private static final String COUNT_ACTIVE = "SELECT count(*) FROM agent_runs WHERE status IN ('starting', 'running', 'waiting_user', 'idle')";
    private static final String ACTIVE_OF_JOB = "SELECT " + COLUMNS + " FROM agent_runs WHERE job_id = ?"
            + " AND status IN ('starting', 'running', 'waiting_user', 'idle')";
    private static final String ACTIVE = "SELECT " + COLUMNS + " FROM agent_runs"
            + " WHERE status IN ('starting', 'running', 'waiting_user', 'idle')";
    private static final String PROCESS_STARTED = "UPDATE agent_runs SET pid = ?, process_started_at = ? WHERE id = ?";
    private static final String SESSION = "UPDATE agent_runs SET session_id = ? WHERE id = ?";
    private static final String PROGRESS = """
            UPDATE agent_runs SET session_id = coalesce(:sessionId, session_id), num_turns = :turns,
            input_tokens = :inputTokens, output_tokens = :outputTokens, cost_usd = :cost, cost_estimated = :estimated,
            last_output_at = :at, retry_status = :retryStatus, retry_error = :retryError, retry_attempt = :retryAttempt,
            retry_max_attempts = :retryMaxAttempts, retry_delay_ms = :retryDelayMs, retry_at = :retryAt
            WHERE id = :id""";
    private static final String MOVE = "UPDATE agent_runs SET status = ? WHERE id = ? AND status = ?";
    private static final String FINISH = """
            UPDATE agent_runs SET finished_at = :at, result_text = :result, error_message = :error, exit_code = :exitCode,
            failure_kind = :kind, retry_status = NULL, retry_error = NULL, retry_attempt = NULL, retry_max_attempts = NULL,
            retry_delay_ms = NULL, retry_at = NULL
            WHERE id = :id""";
    private static final String STATUS_MESSAGE = "UPDATE agent_runs SET status_message = ? WHERE id = ?";
    private static final String SET_WORKSPACE = "UPDATE agent_runs SET work_dir = ?, base_commit = ? WHERE id = ?";
    private static final String WORKSPACE = "SELECT work_dir, base_commit FROM agent_runs WHERE id = ? AND work_dir IS NOT NULL";
    private static final String PROMPT = "SELECT prompt FROM agent_runs WHERE id = ?";

    private final Db db;

    RunRepository(Db db) {
        this.db = db;
    }

    void insertStarting(String id, String jobId, String kind, String model, String sessionId, String resumedFromId,
                        String prompt, long nowMillis) {
        db.write().sql(INSERT).param("id", id).param("jobId", jobId).param("kind", kind).param("model", model)
                .param("sessionId", sessionId).param("resumedFrom", resumedFromId).param("prompt", prompt)
                .param("now", nowMillis).update();
    }

    public Optional<AgentRun> find(String id) {
        return db.read().sql(BY_ID).param(id).query(RunRepository::map).optional();
    }

    public Optional<AgentRun> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(RunRepository::map).optional();
    }

    public List<AgentRun> ofJob(String jobId) {
        return db.read().sql(BY_JOB).param(jobId).query(RunRepository::map).list();
    }

    /** The runs of these jobs, each job's oldest first; at most 1,000 jobs at a time. */
    public List<AgentRun> ofJobs(List<String> jobIds) {
        if (jobIds.isEmpty()) return List.of();
        if (jobIds.size() > 1000) throw new IllegalArgumentException("at most 1000 jobs at a time, got " + jobIds.size());
        String placeholders = String.join(",", Collections.nCopies(jobIds.size(), "?"));
        return db.read().sql("SELECT " + COLUMNS + " FROM agent_runs WHERE job_id IN (" + placeholders + ")"
                + " ORDER BY job_id, started_at, id").params(jobIds).query(RunRepository::map).list();
    }

    public Optional<AgentRun> activeOfJob(String jobId) {
        return db.write().sql(ACTIVE_OF_JOB).param(jobId).query(RunRepository::map).optional();
    }

    public List<AgentRun> active() {
        return db.write().sql(ACTIVE).query(RunRepository::map).list();
    }

    public List<AgentRun> page(RunStatus status, int page, int size) {
        return db.read().sql(PAGE).param("status", status == null ? null : status.wireName())
                .param("limit", size).param("offset", (long) page * size).query(RunRepository::map).list();
    }

    public long count(RunStatus status) {
        return db.read().sql(COUNT).param("status", status == null ? null : status.wireName()).query(Long.class).single();
    }

    /** Runs that hold a slot: the dispatcher's view, so it reads through the writer for an up-to-date count. */
    /** Active runs (starting, running, waiting for a person) by agent CLI. */
    public Map<String, Long> countActiveByKind() {
        Map<String, Long> counts = new HashMap<>();
        db.read().sql(ACTIVE_BY_KIND).query(rs -> {
            counts.put(rs.getString("agent_kind"), rs.getLong("n"));
        });
        return counts;
    }

    public int countActive() {
        return db.write().sql(COUNT_ACTIVE).query(Integer.class).single();
    }

    String prompt(String runId) {
        return db.write().sql(PROMPT).param(runId).query(String.class).single();
    }

    void workspace(String id, RunWorkspace.Prepared workspace) {
        db.write().sql(SET_WORKSPACE).params(workspace.dir().toString(), workspace.baseCommit(), id).update();
    }

    /** The directory a run's process worked in and the commit it started from; empty for a run never started. */
    public Optional<RunWorkspace.Prepared> workspace(String id) {
        return db.write().sql(WORKSPACE).param(id)
                .query((rs, row) -> new RunWorkspace.Prepared(java.nio.file.Path.of(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    void processStarted(String id, long pid, long atMillis) {
        db.write().sql(PROCESS_STARTED).params(pid, atMillis, id).update();
    }

    void session(String id, String sessionId) {
        db.write().sql(SESSION).params(sessionId, id).update();
    }

    void progress(String id, RunProgress progress, long atMillis) {
        ProviderRetry retry = progress.retrying();
        db.write().sql(PROGRESS).param("sessionId", progress.sessionId()).param("turns", progress.numTurns())
                .param("inputTokens", progress.inputTokens()).param("outputTokens", progress.outputTokens())
                .param("cost", progress.costUsd()).param("estimated", progress.costEstimated() ? 1 : 0).param("at", atMillis)
                .param("retryStatus", retry == null ? null : retry.status())
                .param("retryError", retry == null ? null : retry.error())
                .param("retryAttempt", retry == null ? null : retry.attempt())
                .param("retryMaxAttempts", retry == null ? null : retry.maxAttempts())
                .param("retryDelayMs", retry == null ? null : retry.delayMs())
                .param("retryAt", retry == null ? null : millis(retry.at()))
                .param("id", id).update();
    }

    public void statusMessage(String id, String message) {
        db.write().sql(STATUS_MESSAGE).params(message, id).update();
    }

    boolean move(String id, RunStatus from, RunStatus to) {
        return db.write().sql(MOVE).params(to.wireName(), id, from.wireName()).update() == 1;
    }

    void finish(String id, RunOutcome outcome, long atMillis) {
        db.write().sql(FINISH).param("at", atMillis).param("result", outcome.resultText())
                .param("error", outcome.errorMessage()).param("exitCode", outcome.exitCode())
                .param("kind", outcome.failureKind() == null ? null : outcome.failureKind().json()).param("id", id).update();
    }

    private static AgentRun map(ResultSet rs, int row) throws SQLException {
        return new AgentRun(
                rs.getString("id"), rs.getString("job_id"), RunStatus.fromWire(rs.getString("status")),
                rs.getString("agent_kind"), rs.getString("model"), nullableLong(rs, "pid"), rs.getString("session_id"),
                rs.getString("resumed_from_id"), rs.getString("status_message"), instant(rs.getLong("started_at")),
                instant(nullableLong(rs, "process_started_at")), instant(nullableLong(rs, "finished_at")),
                instant(nullableLong(rs, "last_output_at")), rs.getInt("num_turns"), rs.getDouble("cost_usd"),
                rs.getInt("cost_estimated") != 0,
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getString("result_text"),
                rs.getString("error_message"), nullableInt(rs, "exit_code"), FailureKind.fromWire(rs.getString("failure_kind")),
                rs.getString("work_dir"), rs.getString("base_commit"), retry(rs));
    }

    private static ProviderRetry retry(ResultSet rs) throws SQLException {
        Integer attempt = nullableInt(rs, "retry_attempt");
        if (attempt == null) return null;
        return new ProviderRetry(nullableInt(rs, "retry_status"), rs.getString("retry_error"), attempt,
                nullableInt(rs, "retry_max_attempts"), nullableLong(rs, "retry_delay_ms"), instant(nullableLong(rs, "retry_at")));
    }
}

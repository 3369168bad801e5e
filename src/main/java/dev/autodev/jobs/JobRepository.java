package dev.autodev.jobs;

import static dev.autodev.common.SqlRows.nullableDouble;
import static dev.autodev.common.SqlRows.nullableInt;
import static dev.autodev.common.SqlRows.nullableLong;
import static dev.autodev.common.Times.instant;
import static dev.autodev.common.Times.millis;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Jobs and their dependency edges, in plain SQL. */
@Repository
public class JobRepository {

    private static final String COLUMNS = """
            id, title, description, status, status_reason, priority, model, work_dir, max_turns, stop_mode,
            stop_value, context_json, scheduled_at, repeat_interval_seconds, parent_job_id, retry_of_job_id,
            created_at, updated_at, use_worktree, completion_checks_json, retry_policy, max_retries, attempt, template_id,
            project_id, guidelines, flagged, archived_at, model_source, model_rating, model_reason, interactive""";
    private static final String INSERT = """
            INSERT INTO jobs (%s) VALUES (:id, :title, :description, :status, :statusReason, :priority, :model,
            :workDir, :maxTurns, :stopMode, :stopValue, :context, :scheduledAt, :repeat, :parent, :retryOf,
            :createdAt, :updatedAt, :useWorktree, :checks, :retryPolicy, :maxRetries, :attempt, :templateId, :projectId,
            :guidelines, :flagged, :archivedAt, :modelSource, :modelRating, :modelReason, :interactive)""".formatted(COLUMNS);
    /** What is read back: the inserted columns, and what the dispatcher notes later. */
    private static final String SELECTED = COLUMNS + ", queue_reason";
    private static final String INSERT_DEPENDENCY = "INSERT INTO job_dependencies (job_id, depends_on_id) VALUES (?, ?)";
    private static final String BY_ID = "SELECT " + SELECTED + " FROM jobs WHERE id = ?";
    private static final String EXISTS = "SELECT count(*) FROM jobs WHERE id = ?";
    // Each filter applies only when given; q matches title or description (LIKE, with the pattern's wildcards escaped).
    private static final String FILTER = """
             WHERE (:status IS NULL OR status = :status) AND (:project IS NULL OR project_id = :project)
            AND (:flagged IS NULL OR flagged = :flagged)
            AND (:archived IS NULL OR (archived_at IS NOT NULL) = :archived)
            AND (:q IS NULL OR title LIKE :q ESCAPE '\\' OR description LIKE :q ESCAPE '\\')""";
    private static final String PAGE = "SELECT " + SELECTED + " FROM jobs" + FILTER
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM jobs" + FILTER;
    // The board: the newest jobs that are not archived (index jobs_board).
    private static final String BOARD = "SELECT " + SELECTED + " FROM jobs WHERE archived_at IS NULL"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    private static final String COUNT_BY_STATUS = "SELECT status, count(*) AS n FROM jobs GROUP BY status";
    private static final String BOARD_COUNT = "SELECT count(*) FROM jobs WHERE archived_at IS NULL";
    // The same order as BOARD, continued after one job: what a client that holds the newest jobs lacks next.
    private static final String OLDER = "SELECT " + SELECTED + " FROM jobs WHERE archived_at IS NULL"
            + " AND (created_at < :at OR (created_at = :at AND id < :id)) ORDER BY created_at DESC, id DESC LIMIT :limit";
    private static final String TOGGLE_FLAG = "UPDATE jobs SET flagged = 1 - flagged, updated_at = ? WHERE id = ?";
    // Only a finished job is archived; a job that may still run would vanish from the board while it works.
    private static final String ARCHIVE = """
            UPDATE jobs SET archived_at = :now, updated_at = :now
            WHERE id = :id AND archived_at IS NULL AND status IN ('done', 'failed', 'cancelled')""";
    private static final String UNARCHIVE = "UPDATE jobs SET archived_at = NULL, updated_at = ? WHERE id = ? AND archived_at IS NOT NULL";
    private static final String EDIT = """
            UPDATE jobs SET title = ?, description = ?, updated_at = ? WHERE id = ? AND status = 'queued'""";
    // A job whose model the classifier is still choosing waits; it is signalled once the choice is stored.
    private static final String DUE = "SELECT " + SELECTED + " FROM jobs WHERE status = 'queued' AND model_source <> 'pending'"
            + " AND (scheduled_at IS NULL OR scheduled_at <= ?) ORDER BY priority DESC, created_at, id LIMIT ?";
    private static final String PENDING_MODEL = "SELECT " + SELECTED + " FROM jobs WHERE model_source = 'pending' ORDER BY created_at";
    private static final String CHOOSE_MODEL = """
            UPDATE jobs SET model = :model, model_source = :source, model_rating = :rating, model_reason = :reason,
            updated_at = :now WHERE id = :id AND model_source = 'pending'""";
    private static final String NEXT_SCHEDULED = "SELECT min(scheduled_at) FROM jobs WHERE status = 'queued' AND scheduled_at > ?";
    private static final String DEPENDENCY_STATES = """
            SELECT d.depends_on_id, j.status FROM job_dependencies d JOIN jobs j ON j.id = d.depends_on_id
            WHERE d.job_id = ?""";
    private static final String DEPENDENCIES_OF = "SELECT job_id, depends_on_id FROM job_dependencies WHERE job_id IN (%s)";
    private static final String MOVE = """
            UPDATE jobs SET status = :to, status_reason = :reason, updated_at = :now, queue_reason = NULL,
                archived_at = CASE WHEN :to IN ('queued', 'running') THEN NULL ELSE archived_at END
            WHERE id = :id AND status = :from""";
    // Only on a change, so a job held back pass after pass costs no write (IS NOT: NULL-safe inequality).
    private static final String SET_QUEUE_REASON =
            "UPDATE jobs SET queue_reason = ? WHERE id = ? AND status = 'queued' AND queue_reason IS NOT ?";
    private static final String SET_OWNER = "UPDATE jobs SET owner_kind = ?, owner_id = ? WHERE id = ?";
    private static final String OWNER = "SELECT owner_kind, owner_id FROM jobs WHERE id = ? AND owner_kind IS NOT NULL";
    private static final String RESCHEDULE = "UPDATE jobs SET scheduled_at = ? WHERE id = ?";

    private final Db db;
    private final JsonMapper json;

    JobRepository(Db db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(Job job) {
        db.write().sql(INSERT)
                .param("id", job.id()).param("title", job.title()).param("description", job.description())
                .param("status", job.status().wireName()).param("statusReason", job.statusReason())
                .param("priority", job.priority()).param("model", job.model()).param("workDir", job.workDir())
                .param("maxTurns", job.maxTurns()).param("stopMode", job.stopMode().json())
                .param("stopValue", job.stopValue()).param("context", json.writeValueAsString(job.context()))
                .param("scheduledAt", millis(job.scheduledAt())).param("repeat", job.repeatIntervalSeconds())
                .param("parent", job.parentJobId()).param("retryOf", job.retryOfJobId())
                .param("createdAt", millis(job.createdAt())).param("updatedAt", millis(job.updatedAt()))
                .param("useWorktree", job.useWorktree() ? 1 : 0)
                .param("checks", json.writeValueAsString(job.completionChecks()))
                .param("retryPolicy", job.retryPolicy().json()).param("maxRetries", job.maxRetries())
                .param("attempt", job.attempt())
                .param("templateId", job.templateId()).param("projectId", job.projectId())
                .param("guidelines", job.guidelines()).param("flagged", job.flagged() ? 1 : 0)
                .param("archivedAt", millis(job.archivedAt()))
                .param("modelSource", job.modelChoice().source().wireName())
                .param("modelRating", job.modelChoice().rating()).param("modelReason", job.modelChoice().reason())
                .param("interactive", job.interactive() ? 1 : 0)
                .update();
        for (String dependency : job.dependsOn()) {
            db.write().sql(INSERT_DEPENDENCY).params(job.id(), dependency).update();
        }
    }

    void setOwner(String jobId, JobOwner owner) {
        db.write().sql(SET_OWNER).params(owner.kind(), owner.id(), jobId).update();
    }

    Optional<JobOwner> ownerOf(String jobId) {
        return db.read().sql(OWNER).param(jobId).query((rs, row) -> new JobOwner(rs.getString(1), rs.getString(2))).optional();
    }

    public Optional<Job> find(String id) {
        return withDependencies(db.read(), db.read().sql(BY_ID).param(id).query(this::map).list()).stream().findFirst();
    }

    /** Reads through the writer connection, for use inside a write transaction. */
    public Optional<Job> findForUpdate(String id) {
        return withDependencies(db.write(), db.write().sql(BY_ID).param(id).query(this::map).list()).stream().findFirst();
    }

    boolean exists(String id) {
        return db.write().sql(EXISTS).param(id).query(Long.class).single() > 0;
    }

    /** Up to {@code limit} jobs that come after {@code anchor} newest first, i.e. the next older ones. */
    public List<Job> olderThan(Job anchor, int limit) {
        List<Job> rows = db.read().sql(OLDER).param("at", anchor.createdAt().toEpochMilli()).param("id", anchor.id())
                .param("limit", limit).query(this::map).list();
        return withDependencies(db.read(), rows);
    }

    public List<Job> page(JobStatus status, int page, int size) {
        return page(JobFilter.status(status), page, size);
    }

    public long count(JobStatus status) {
        return count(JobFilter.status(status));
    }

    /** One page of the jobs that match {@code filter}, newest first. */
    public List<Job> page(JobFilter filter, int page, int size) {
        List<Job> rows = filtered(db.read().sql(PAGE), filter)
                .param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
        return withDependencies(db.read(), rows);
    }

    public long count(JobFilter filter) {
        return filtered(db.read().sql(COUNT), filter).query(Long.class).single();
    }

    /** The newest jobs that are not archived: what the board opens with. */
    public List<Job> board(int limit) {
        return withDependencies(db.read(), db.read().sql(BOARD).param("limit", limit).query(this::map).list());
    }

    /** How many jobs are not archived. */
    public long boardCount() {
        return db.read().sql(BOARD_COUNT).query(Long.class).single();
    }

    boolean toggleFlag(String id, long nowMillis) {
        return db.write().sql(TOGGLE_FLAG).params(nowMillis, id).update() == 1;
    }

    /** Archives a finished job that is not archived yet; false when it is not (the caller tells which). */
    boolean archive(String id, long nowMillis) {
        return db.write().sql(ARCHIVE).param("now", nowMillis).param("id", id).update() == 1;
    }

    boolean unarchive(String id, long nowMillis) {
        return db.write().sql(UNARCHIVE).params(nowMillis, id).update() == 1;
    }

    /** Changes a queued job's title and description; false when it is no longer queued. */
    boolean edit(String id, String title, String description, long nowMillis) {
        return db.write().sql(EDIT).params(title, description, nowMillis, id).update() == 1;
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, JobFilter filter) {
        return sql.param("status", filter.status() == null ? null : filter.status().wireName())
                .param("project", filter.projectId())
                .param("flagged", filter.flagged() == null ? null : filter.flagged() ? 1 : 0)
                .param("archived", filter.archived() == null ? null : filter.archived() ? 1 : 0)
                .param("q", filter.query() == null ? null : "%" + likeEscaped(filter.query()) + "%");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** How many jobs are in each status, by wire name. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        db.read().sql(COUNT_BY_STATUS).query(rs -> {
            counts.put(rs.getString("status"), rs.getLong("n"));
        });
        return counts;
    }

    /** Queued jobs whose time has come, best first. */
    public List<Job> due(long nowMillis, int limit) {
        return withDependencies(db.write(), db.write().sql(DUE).params(nowMillis, limit).query(this::map).list());
    }

    public Optional<Long> nextScheduledAfter(long nowMillis) {
        return db.write().sql(NEXT_SCHEDULED).param(nowMillis).query(Long.class).optional();
    }

    /** Each dependency of a job with its current status. */
    public Map<String, JobStatus> dependencyStates(String jobId) {
        var states = new HashMap<String, JobStatus>();
        db.write().sql(DEPENDENCY_STATES).param(jobId)
                .query(rs -> { states.put(rs.getString(1), JobStatus.fromWire(rs.getString(2))); });
        return states;
    }

    /** Moves a job only if it is still in {@code from}; a lost race updates nothing and returns false. */
    boolean move(String id, JobStatus from, JobStatus to, String reason, long nowMillis) {
        return db.write().sql(MOVE).param("to", to.wireName()).param("reason", reason).param("now", nowMillis)
                .param("id", id).param("from", from.wireName()).update() == 1;
    }

    /**
     * Records why a queued job waits ({@code null}: nothing holds it back now); true when that changed what the job
     * says. Publishes nothing: the caller announces the change.
     */
    public boolean noteQueueReason(String id, String reason) {
        return db.write().sql(SET_QUEUE_REASON).params(reason, id, reason).update() == 1;
    }

    /** Jobs waiting for the classifier to choose their model, oldest first. */
    public List<Job> pendingModelChoice() {
        return withDependencies(db.read(), db.read().sql(PENDING_MODEL).query(this::map).list());
    }

    /**
     * Stores the model chosen for a job that was waiting for it; false when it was not waiting (any more). Publishes
     * nothing: the caller announces the change, so the dispatcher looks again.
     */
    public boolean chooseModel(String id, String model, ModelChoice choice, long nowMillis) {
        return db.write().sql(CHOOSE_MODEL).param("model", model).param("source", choice.source().wireName())
                .param("rating", choice.rating()).param("reason", choice.reason()).param("now", nowMillis)
                .param("id", id).update() == 1;
    }

    void reschedule(String id, Long scheduledAtMillis) {
        db.write().sql(RESCHEDULE).params(scheduledAtMillis, id).update();
    }

    private List<Job> withDependencies(JdbcClient client, List<Job> rows) {
        if (rows.isEmpty()) return rows;
        var byJob = new HashMap<String, List<String>>();
        String placeholders = String.join(",", rows.stream().map(j -> "?").toList());
        client.sql(DEPENDENCIES_OF.formatted(placeholders)).params(rows.stream().map(Job::id).toList())
                .query(rs -> { byJob.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); });
        return rows.stream().map(j -> byJob.containsKey(j.id()) ? j.withDependsOn(byJob.get(j.id())) : j).toList();
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        Map<String, String> context = json.readValue(rs.getString("context_json"), new TypeReference<Map<String, String>>() {});
        return new Job(
                rs.getString("id"), rs.getString("title"), rs.getString("description"),
                JobStatus.fromWire(rs.getString("status")), rs.getString("status_reason"), rs.getInt("priority"),
                rs.getString("model"), rs.getString("work_dir"), nullableInt(rs, "max_turns"),
                StopMode.parse(rs.getString("stop_mode")).orElseThrow(), nullableDouble(rs, "stop_value"), context,
                instant(nullableLong(rs, "scheduled_at")), nullableInt(rs, "repeat_interval_seconds"), List.of(),
                rs.getString("parent_job_id"), rs.getString("retry_of_job_id"),
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")),
                rs.getInt("use_worktree") != 0,
                json.readValue(rs.getString("completion_checks_json"), new TypeReference<List<String>>() {}),
                RetryPolicy.parse(rs.getString("retry_policy")).orElse(RetryPolicy.NONE), rs.getInt("max_retries"),
                rs.getInt("attempt"), rs.getString("template_id"), rs.getString("project_id"),
                rs.getString("guidelines"), rs.getInt("flagged") != 0, instant(nullableLong(rs, "archived_at")),
                new ModelChoice(ModelChoice.Source.fromWire(rs.getString("model_source")), rs.getString("model_rating"),
                        rs.getString("model_reason")), rs.getInt("interactive") != 0,
                rs.getString("queue_reason"));
    }
}

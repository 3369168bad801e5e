package dev.autodev.workflows;

import static dev.autodev.common.SqlRows.nullableDouble;
import static dev.autodev.common.SqlRows.nullableInt;
import static dev.autodev.common.SqlRows.nullableLong;
import static dev.autodev.common.Times.instant;

import dev.autodev.agents.FailureKind;
import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The workflows table and its steps, in plain SQL. */
@Repository
class WorkflowRepository {

    private static final String COLUMNS = """
            id, title, task, status, phase, cycle, work_dir, implementer_model, reviewer_model, max_cycles,
            use_worktree, template_id, project_id, stop_modes_json, budget_usd, approve_plan, plan_approved, repo_root,
            worktree_path, branch, base_commit, pr_url, blocked_json, resume_after_seq, resume_phase, resume_cycle,
            created_at, updated_at""";
    private static final String INSERT = """
            INSERT INTO workflows (id, title, task, status, cycle, work_dir, implementer_model, reviewer_model,
            max_cycles, use_worktree, template_id, project_id, stop_modes_json, budget_usd, approve_plan, created_at,
            updated_at) VALUES (:id, :title, :task, :status, 0, :workDir, :implementer, :reviewer, :maxCycles,
            :useWorktree, :templateId, :projectId, :stopModes, :budget, :approvePlan, :now, :now)""";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM workflows WHERE id = ?";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM workflows WHERE (:status IS NULL OR status = :status)"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM workflows WHERE (:status IS NULL OR status = :status)";
    private static final String RUNNING_IDS = "SELECT id FROM workflows WHERE status = 'running' ORDER BY created_at";
    private static final String MOVE = """
            UPDATE workflows SET status = :to, blocked_json = :blocked, updated_at = :now WHERE id = :id AND status = :from""";
    private static final String POSITION = "UPDATE workflows SET phase = ?, cycle = ?, updated_at = ? WHERE id = ?";
    private static final String WORKTREE = """
            UPDATE workflows SET repo_root = ?, worktree_path = ?, branch = ?, base_commit = coalesce(base_commit, ?)
            WHERE id = ?""";
    private static final String PR_URL = "UPDATE workflows SET pr_url = ?, updated_at = ? WHERE id = ?";
    private static final String RESUME_POINT = """
            UPDATE workflows SET resume_after_seq = ?, resume_phase = ?, resume_cycle = ? WHERE id = ?""";
    private static final String PLAN_APPROVED = "UPDATE workflows SET plan_approved = 1 WHERE id = ?";
    private static final String BUDGET = "UPDATE workflows SET budget_usd = ? WHERE id = ?";

    private static final String STEP_COLUMNS = """
            workflow_id, seq, kind, phase, cycle, model, job_id, status, failure_kind, message, milestones_before,
            milestones_after, created_at, finished_at""";
    private static final String INSERT_STEP = """
            INSERT INTO workflow_steps (workflow_id, seq, kind, phase, cycle, model, job_id, status, milestones_before,
            created_at) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM workflow_steps WHERE workflow_id = ?),
            ?, ?, ?, ?, ?, 'started', ?, ?) RETURNING seq""";
    private static final String STEPS = "SELECT " + STEP_COLUMNS + " FROM workflow_steps WHERE workflow_id = ? ORDER BY seq";
    private static final String STEP_BY_JOB = "SELECT workflow_id FROM workflow_steps WHERE job_id = ?";
    private static final String SETTLE = """
            UPDATE workflow_steps SET status = ?, failure_kind = ?, message = ?, milestones_after = ?, finished_at = ?
            WHERE workflow_id = ? AND seq = ? AND status = 'started'""";

    private final Db db;
    private final JsonMapper json;

    WorkflowRepository(Db db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(Workflow wf) {
        db.write().sql(INSERT).param("id", wf.id()).param("title", wf.title()).param("task", wf.task())
                .param("status", wf.status().wireName()).param("workDir", wf.workDir())
                .param("implementer", wf.implementerModel()).param("reviewer", wf.reviewerModel())
                .param("maxCycles", wf.maxCycles()).param("useWorktree", wf.useWorktree() ? 1 : 0)
                .param("templateId", wf.templateId()).param("projectId", wf.projectId())
                .param("stopModes", json.writeValueAsString(wf.stopModes())).param("budget", wf.budgetUsd())
                .param("approvePlan", wf.approvePlan() ? 1 : 0).param("now", wf.createdAt().toEpochMilli())
                .update();
    }

    Optional<Workflow> find(String id) {
        return db.read().sql(BY_ID).param(id).query(this::map).optional();
    }

    /** Reads through the writer connection, for decisions made inside a write transaction. */
    Optional<Workflow> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(this::map).optional();
    }

    List<Workflow> page(WorkflowStatus status, int page, int size) {
        return db.read().sql(PAGE).param("status", status == null ? null : status.wireName())
                .param("limit", size).param("offset", (long) page * size).query(this::map).list();
    }

    long count(WorkflowStatus status) {
        return db.read().sql(COUNT).param("status", status == null ? null : status.wireName()).query(Long.class).single();
    }

    List<String> runningIds() {
        return db.read().sql(RUNNING_IDS).query(String.class).list();
    }

    boolean move(String id, WorkflowStatus from, WorkflowStatus to, BlockedReason blocked, long now) {
        return db.write().sql(MOVE).param("to", to.wireName()).param("blocked", blocked == null ? null : json.writeValueAsString(blocked))
                .param("now", now).param("id", id).param("from", from.wireName()).update() == 1;
    }

    void position(String id, Phase phase, int cycle, long now) {
        db.write().sql(POSITION).params(phase.json(), cycle, now, id).update();
    }

    void worktree(String id, String repoRoot, String path, String branch, String baseCommit) {
        db.write().sql(WORKTREE).params(repoRoot, path, branch, baseCommit, id).update();
    }

    void prUrl(String id, String url, long now) {
        db.write().sql(PR_URL).params(url, now, id).update();
    }

    void resumePoint(String id, int afterSeq, Phase phase, Integer cycle) {
        db.write().sql(RESUME_POINT).params(afterSeq, phase == null ? null : phase.json(), cycle, id).update();
    }

    void planApproved(String id) {
        db.write().sql(PLAN_APPROVED).param(id).update();
    }

    void budget(String id, Double budgetUsd) {
        db.write().sql(BUDGET).params(budgetUsd, id).update();
    }

    int insertStep(String workflowId, Phase kind, Phase phase, int cycle, String model, String jobId,
                   Integer milestonesBefore, long now) {
        return db.write().sql(INSERT_STEP).params(workflowId, workflowId, kind.json(), phase.json(), cycle, model, jobId,
                milestonesBefore, now).query(Integer.class).single();
    }

    List<WorkflowStep> steps(String workflowId) {
        return db.read().sql(STEPS).param(workflowId).query(WorkflowRepository::mapStep).list();
    }

    Optional<String> workflowOfJob(String jobId) {
        return db.read().sql(STEP_BY_JOB).param(jobId).query(String.class).optional();
    }

    boolean settle(String workflowId, int seq, String status, FailureKind kind, String message, Integer after, long now) {
        return db.write().sql(SETTLE).params(status, kind == null ? null : kind.json(), message, after, now, workflowId, seq)
                .update() == 1;
    }

    private Workflow map(ResultSet rs, int row) throws SQLException {
        String blocked = rs.getString("blocked_json");
        return new Workflow(rs.getString("id"), rs.getString("title"), rs.getString("task"),
                WorkflowStatus.fromWire(rs.getString("status")), Phase.parse(rs.getString("phase")).orElse(null),
                rs.getInt("cycle"), rs.getString("work_dir"), rs.getString("implementer_model"),
                rs.getString("reviewer_model"), rs.getInt("max_cycles"), rs.getInt("use_worktree") != 0,
                rs.getString("template_id"), rs.getString("project_id"),
                json.readValue(rs.getString("stop_modes_json"), new TypeReference<Map<String, Workflow.PhaseStop>>() {}),
                nullableDouble(rs, "budget_usd"), rs.getInt("approve_plan") != 0, rs.getInt("plan_approved") != 0,
                rs.getString("repo_root"), rs.getString("worktree_path"), rs.getString("branch"),
                rs.getString("base_commit"), rs.getString("pr_url"),
                blocked == null ? null : json.readValue(blocked, BlockedReason.class),
                rs.getInt("resume_after_seq"), Phase.parse(rs.getString("resume_phase")).orElse(null),
                nullableInt(rs, "resume_cycle"), instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")));
    }

    private static WorkflowStep mapStep(ResultSet rs, int row) throws SQLException {
        return new WorkflowStep(rs.getString("workflow_id"), rs.getInt("seq"), Phase.parse(rs.getString("kind")).orElseThrow(),
                Phase.parse(rs.getString("phase")).orElseThrow(), rs.getInt("cycle"), rs.getString("model"),
                rs.getString("job_id"), rs.getString("status"), FailureKind.fromWire(rs.getString("failure_kind")),
                rs.getString("message"), nullableInt(rs, "milestones_before"), nullableInt(rs, "milestones_after"),
                instant(rs.getLong("created_at")), instant(nullableLong(rs, "finished_at")));
    }
}

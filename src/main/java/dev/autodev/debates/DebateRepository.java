package dev.autodev.debates;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Debates and the jobs they started, in plain SQL. */
@Repository
class DebateRepository {

    private static final String DEBATE_COLUMNS = """
            id, task, claude_model, codex_model, max_rounds, template_id, work_dir, post_action_prompt,
            post_action_role, verification, loop_count, project_id, status, status_reason, conclusion, use_worktree,
            repo_root, worktree_path, branch, base_commit, pr_url, worktree_state, created_at, updated_at""";
    private static final String INSERT = """
            INSERT INTO debates (id, task, claude_model, codex_model, max_rounds, template_id, work_dir,
                post_action_prompt, post_action_role, verification, loop_count, project_id, status, use_worktree, created_at,
                updated_at)
            VALUES (:id, :task, :claude, :codex, :maxRounds, :templateId, :workDir, :postPrompt, :postRole,
                :verification, :loopCount, :projectId, :status, :useWorktree, :at, :at)""";
    private static final String BY_ID = "SELECT " + DEBATE_COLUMNS + " FROM debates WHERE id = ?";
    private static final String NEWEST = "SELECT " + DEBATE_COLUMNS + " FROM debates ORDER BY created_at DESC, id LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM debates";
    /** Debates still going, and finished ones whose worktree is still to be removed. */
    private static final String ACTIVE = "SELECT " + DEBATE_COLUMNS
            + " FROM debates WHERE status IN ('debating', 'acting') OR worktree_state IN ('open', 'published')"
            + " ORDER BY created_at, id";
    private static final String MOVE = """
            UPDATE debates SET status = :to, status_reason = :reason, conclusion = coalesce(:conclusion, conclusion),
                updated_at = :at
            WHERE id = :id AND status = :from""";

    private static final String TOUCH = "UPDATE debates SET updated_at = ? WHERE id = ?";
    /** The worktree's place, stored once: a second try finds it set and changes nothing. */
    private static final String OPEN_WORKTREE = """
            UPDATE debates SET repo_root = :root, worktree_path = :path, branch = :branch, base_commit = :base,
                worktree_state = 'open', updated_at = :at
            WHERE id = :id AND worktree_state = 'none'""";
    private static final String MOVE_WORKTREE = """
            UPDATE debates SET worktree_state = :to, pr_url = coalesce(:prUrl, pr_url), updated_at = :at
            WHERE id = :id AND worktree_state = :from""";

    private static final String JOB_COLUMNS =
            "debate_id, loop, stage, round, side, job_id, verdict, position, asked_again_run_id, created_at";
    private static final String INSERT_JOB = """
            INSERT INTO debate_jobs (debate_id, loop, stage, round, side, job_id, created_at)
            VALUES (:debateId, :loop, :stage, :round, :side, :jobId, :at)""";
    private static final String JOBS_OF = "SELECT " + JOB_COLUMNS
            + " FROM debate_jobs WHERE debate_id = ? ORDER BY loop, created_at, side";
    private static final String JOB_BY_JOB_ID = "SELECT " + JOB_COLUMNS + " FROM debate_jobs WHERE job_id = ?";
    private static final String SET_VERDICT = """
            UPDATE debate_jobs SET verdict = :verdict, position = :position WHERE job_id = :jobId AND stage = 'turn'""";
    private static final String ASKED_AGAIN = "UPDATE debate_jobs SET asked_again_run_id = :runId WHERE job_id = :jobId";

    private final Db db;

    DebateRepository(Db db) {
        this.db = db;
    }

    void insert(Debate d) {
        db.write().sql(INSERT).param("id", d.id()).param("task", d.task()).param("claude", d.claudeModel())
                .param("codex", d.codexModel()).param("maxRounds", d.maxRounds()).param("templateId", d.templateId())
                .param("workDir", d.workDir()).param("postPrompt", d.postActionPrompt())
                .param("postRole", d.postActionRole().wireName()).param("verification", d.verification() ? 1 : 0)
                .param("loopCount", d.loopCount()).param("projectId", d.projectId())
                .param("status", d.status().wireName()).param("useWorktree", d.useWorktree() ? 1 : 0)
                .param("at", d.createdAt().toEpochMilli()).update();
    }

    Optional<Debate> find(String id) {
        return db.read().sql(BY_ID).param(id).query(DebateRepository::debate).optional();
    }

    /** Inside a write transaction: the current row, read on the writer connection so it cannot be stale. */
    Optional<Debate> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(DebateRepository::debate).optional();
    }

    List<Debate> newest(int page, int size) {
        return db.read().sql(NEWEST).param(size).param((long) page * size).query(DebateRepository::debate).list();
    }

    long count() {
        return db.read().sql(COUNT).query(Long.class).single();
    }

    List<Debate> active() {
        return db.read().sql(ACTIVE).query(DebateRepository::debate).list();
    }

    boolean move(String id, DebateStatus from, DebateStatus to, String reason, String conclusion, long at) {
        return db.write().sql(MOVE).param("to", to.wireName()).param("reason", reason).param("conclusion", conclusion)
                .param("at", at).param("id", id).param("from", from.wireName()).update() == 1;
    }

    void touch(String id, long at) {
        db.write().sql(TOUCH).param(at).param(id).update();
    }

    boolean openWorktree(String id, String repoRoot, String path, String branch, String baseCommit, long at) {
        return db.write().sql(OPEN_WORKTREE).param("root", repoRoot).param("path", path).param("branch", branch)
                .param("base", baseCommit).param("at", at).param("id", id).update() == 1;
    }

    boolean moveWorktree(String id, WorktreeState from, WorktreeState to, String prUrl, long at) {
        return db.write().sql(MOVE_WORKTREE).param("to", to.wireName()).param("prUrl", prUrl).param("at", at)
                .param("id", id).param("from", from.wireName()).update() == 1;
    }

    void insertJob(DebateJob job) {
        db.write().sql(INSERT_JOB).param("debateId", job.debateId()).param("loop", job.loop())
                .param("stage", job.stage().wireName()).param("round", job.round()).param("side", job.side().wireName())
                .param("jobId", job.jobId()).param("at", job.createdAt().toEpochMilli()).update();
    }

    List<DebateJob> jobsOf(String debateId) {
        return db.read().sql(JOBS_OF).param(debateId).query(DebateRepository::debateJob).list();
    }

    /** As {@link #jobsOf}, on the writer connection: what the engine decides from inside its transaction. */
    List<DebateJob> jobsOfForUpdate(String debateId) {
        return db.write().sql(JOBS_OF).param(debateId).query(DebateRepository::debateJob).list();
    }

    Optional<DebateJob> byJobId(String jobId) {
        return db.read().sql(JOB_BY_JOB_ID).param(jobId).query(DebateRepository::debateJob).optional();
    }

    boolean setVerdict(String jobId, Verdict verdict, String position) {
        return db.write().sql(SET_VERDICT).param("verdict", verdict.wireName()).param("position", position)
                .param("jobId", jobId).update() == 1;
    }

    void askedAgain(String jobId, String runId) {
        db.write().sql(ASKED_AGAIN).param("runId", runId).param("jobId", jobId).update();
    }

    private static Debate debate(ResultSet rs, int row) throws SQLException {
        return new Debate(rs.getString("id"), rs.getString("task"), rs.getString("claude_model"),
                rs.getString("codex_model"), rs.getInt("max_rounds"), rs.getString("template_id"),
                rs.getString("work_dir"), rs.getString("post_action_prompt"), Side.parse(rs.getString("post_action_role")),
                rs.getInt("verification") == 1, rs.getInt("loop_count"), rs.getString("project_id"),
                DebateStatus.fromWire(rs.getString("status")), rs.getString("status_reason"), rs.getString("conclusion"),
                rs.getInt("use_worktree") == 1, rs.getString("repo_root"), rs.getString("worktree_path"),
                rs.getString("branch"), rs.getString("base_commit"), rs.getString("pr_url"),
                WorktreeState.fromWire(rs.getString("worktree_state")), instant(rs.getLong("created_at")),
                instant(rs.getLong("updated_at")));
    }

    private static DebateJob debateJob(ResultSet rs, int row) throws SQLException {
        return new DebateJob(rs.getString("debate_id"), rs.getInt("loop"), Stage.fromWire(rs.getString("stage")),
                rs.getInt("round"), Side.parse(rs.getString("side")), rs.getString("job_id"),
                Verdict.parse(rs.getString("verdict")), rs.getString("position"), rs.getString("asked_again_run_id"),
                instant(rs.getLong("created_at")));
    }
}

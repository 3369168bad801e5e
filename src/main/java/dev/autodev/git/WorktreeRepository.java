package dev.autodev.git;

import dev.autodev.common.Db;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The worktrees table: one row per job that asked for a worktree. */
@Repository
class WorktreeRepository {

    private static final String COLUMNS = "job_id, repo_root, path, branch, base_commit, pr_url, push_error, removed_at";
    private static final String INSERT = """
            INSERT INTO worktrees (job_id, repo_root, path, branch, base_commit, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String BY_JOB = "SELECT " + COLUMNS + " FROM worktrees WHERE job_id = ?";
    private static final String BY_PATH = "SELECT " + COLUMNS + " FROM worktrees WHERE path = ?";
    private static final String REPO_ROOTS = "SELECT DISTINCT repo_root FROM worktrees";
    private static final String OPEN_OF_FINISHED_JOBS = """
            SELECT w.job_id, w.repo_root, w.path, w.branch, w.base_commit, w.pr_url, w.push_error, w.removed_at
            FROM worktrees w LEFT JOIN jobs j ON j.id = w.job_id
            WHERE w.removed_at IS NULL AND (j.id IS NULL OR j.status NOT IN ('queued', 'running'))""";
    private static final String JOB_ACTIVE = "SELECT count(*) FROM jobs WHERE id = ? AND status IN ('queued', 'running')";
    private static final String REMOVED = "UPDATE worktrees SET removed_at = ? WHERE job_id = ?";
    private static final String RESTORED = "UPDATE worktrees SET removed_at = NULL WHERE job_id = ?";
    private static final String PR_URL = "UPDATE worktrees SET pr_url = ? WHERE job_id = ?";
    private static final String PUSH_ERROR = "UPDATE worktrees SET push_error = ? WHERE job_id = ?";

    private final Db db;

    WorktreeRepository(Db db) {
        this.db = db;
    }

    void insert(String jobId, Path repoRoot, Path path, String branch, String baseCommit, long nowMillis) {
        db.write().sql(INSERT).params(jobId, repoRoot.toString(), path.toString(), branch, baseCommit, nowMillis).update();
    }

    Optional<Worktree> find(String jobId) {
        return db.read().sql(BY_JOB).param(jobId).query(WorktreeRepository::map).optional();
    }

    Optional<Worktree> atPath(Path path) {
        return db.read().sql(BY_PATH).param(path.toString()).query(WorktreeRepository::map).optional();
    }

    List<Path> repoRoots() {
        return db.read().sql(REPO_ROOTS).query((rs, row) -> Path.of(rs.getString(1))).list();
    }

    /** Worktrees still on disk whose job is finished (or gone). */
    List<Worktree> openOfFinishedJobs() {
        return db.read().sql(OPEN_OF_FINISHED_JOBS).query(WorktreeRepository::map).list();
    }

    boolean jobActive(String jobId) {
        return db.read().sql(JOB_ACTIVE).param(jobId).query(Long.class).single() > 0;
    }

    void removed(String jobId, long nowMillis) {
        db.write().sql(REMOVED).params(nowMillis, jobId).update();
    }

    void restored(String jobId) {
        db.write().sql(RESTORED).param(jobId).update();
    }

    void prUrl(String jobId, String url) {
        db.write().sql(PR_URL).params(url, jobId).update();
    }

    void pushError(String jobId, String error) {
        db.write().sql(PUSH_ERROR).params(error, jobId).update();
    }

    private static Worktree map(ResultSet rs, int row) throws SQLException {
        return new Worktree(rs.getString("job_id"), Path.of(rs.getString("repo_root")), Path.of(rs.getString("path")),
                rs.getString("branch"), rs.getString("base_commit"), rs.getString("pr_url"), rs.getString("push_error"),
                rs.getObject("removed_at") != null);
    }
}

package dev.autodev.locks;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

/** File locks in plain SQL. The registry is the only caller; it decides, this stores. */
@Repository
class LockRepository {

    private static final String INSERT = """
            INSERT INTO file_locks (id, path, is_directory, run_id, job_id, reason, acquired_at, expires_at)
            VALUES (:id, :path, :directory, :runId, :jobId, :reason, :acquiredAt, :expiresAt)""";
    private static final String REFRESH = "UPDATE file_locks SET reason = ?, expires_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM file_locks WHERE id = ?";
    private static final String ALL = """
            SELECT id, path, is_directory, run_id, job_id, reason, acquired_at, expires_at FROM file_locks
            ORDER BY acquired_at, id""";
    private static final String RUN_IS_ACTIVE = """
            SELECT count(*) FROM agent_runs WHERE id = ? AND status IN ('starting', 'running', 'waiting_user', 'idle')""";
    // Locks of runs that are gone hold nothing back: a server that was killed never heard those runs end.
    private static final String DELETE_ORPHANS = """
            DELETE FROM file_locks WHERE expires_at <= ? OR run_id NOT IN
            (SELECT id FROM agent_runs WHERE status IN ('starting', 'running', 'waiting_user', 'idle'))""";

    private final Db db;

    LockRepository(Db db) {
        this.db = db;
    }

    void insert(FileLock lock) {
        db.write().sql(INSERT).param("id", lock.id()).param("path", lock.path()).param("directory", lock.directory() ? 1 : 0)
                .param("runId", lock.runId()).param("jobId", lock.jobId()).param("reason", lock.reason())
                .param("acquiredAt", lock.acquiredAt().toEpochMilli()).param("expiresAt", lock.expiresAt().toEpochMilli())
                .update();
    }

    void refresh(FileLock lock) {
        db.write().sql(REFRESH).params(lock.reason(), lock.expiresAt().toEpochMilli(), lock.id()).update();
    }

    void delete(Collection<FileLock> locks) {
        for (FileLock lock : locks) db.write().sql(DELETE).params(lock.id()).update();
    }

    /** Checked in the transaction that stores new locks, so a run that just ended cannot take any. */
    boolean runIsActive(String runId) {
        return db.write().sql(RUN_IS_ACTIVE).params(runId).query(Long.class).single() > 0;
    }

    /** Drops expired locks and those of ended runs, then returns the rest. */
    List<FileLock> loadLive(long nowMillis) {
        db.write().sql(DELETE_ORPHANS).params(nowMillis).update();
        return db.write().sql(ALL).query(LockRepository::map).list();
    }

    private static FileLock map(ResultSet rs, int row) throws SQLException {
        return new FileLock(rs.getString("id"), rs.getString("path"), rs.getInt("is_directory") == 1,
                rs.getString("run_id"), rs.getString("job_id"), rs.getString("reason"),
                instant(rs.getLong("acquired_at")), instant(rs.getLong("expires_at")));
    }
}

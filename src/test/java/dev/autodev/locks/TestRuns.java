package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.Db;
import dev.autodev.common.Ids;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Active runs for lock tests, stored straight into the tables: a lock needs a run that is active in the database,
 * not an agent process, and starting a real CLI per identity would make these tests slow. {@link #endAll()} ends
 * them again, because the tests share one server and its concurrency cap counts active runs.
 */
public final class TestRuns {

    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at)
            VALUES (?, 'lock test', 'lock test', 'running', 'test-model', ?, ?, ?)""";
    private static final String INSERT_RUN = """
            INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at)
            VALUES (?, ?, 'running', 'claude', 'test-model', 'lock test', ?)""";
    private static final String END_RUN = "UPDATE agent_runs SET status = 'cancelled', finished_at = ? WHERE id = ?";
    private static final String END_JOB = "UPDATE jobs SET status = 'cancelled' WHERE id = ?";

    private final Db db;
    private final FileLockRegistry registry;
    private final List<AgentIdentity> started = new ArrayList<>();

    public TestRuns(Db db, FileLockRegistry registry) {
        this.db = db;
        this.registry = registry;
    }

    /** A run in status running, working in {@code workDir}. */
    public AgentIdentity activeRun(Path workDir) {
        String jobId = Ids.newId();
        String runId = Ids.newId();
        long now = System.currentTimeMillis();
        db.write().sql(INSERT_JOB).params(jobId, workDir.toString(), now, now).update();
        db.write().sql(INSERT_RUN).params(runId, jobId, now).update();
        AgentIdentity identity = new AgentIdentity(runId, jobId, "test-model", workDir);
        started.add(identity);
        return identity;
    }

    /** Ends the run in the database only, as if its end had not been announced yet. */
    public void endQuietly(AgentIdentity run) {
        db.write().sql(END_RUN).params(System.currentTimeMillis(), run.runId()).update();
        db.write().sql(END_JOB).params(run.jobId()).update();
    }

    public void endAll() {
        for (AgentIdentity run : started) {
            endQuietly(run);
            registry.releaseAll(run.runId());
        }
        started.clear();
    }
}

package dev.autodev.testsupport;

import dev.autodev.common.Db;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A real SQLite file in a temp folder, migrated by the app's own Flyway scripts, for repository tests that need
 * exact rows (scripted job sets, hand-computed sums, a million generated events) rather than agent runs. Rows go in
 * with plain SQL ({@link #sql()}); the repository under test reads them through {@link #db()}.
 */
public final class MigratedDatabase {

    private final Path file;
    private final Db db;
    private final SQLiteDataSource source;

    private MigratedDatabase(Path file, String target) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        migrate(target);
        JdbcClient client = JdbcClient.create(source);
        this.db = new Db(client, client);
    }

    public static MigratedDatabase create() {
        return createAt("latest");
    }

    /** Migrated only up to {@code version}, to test a later migration over rows stored before it. */
    public static MigratedDatabase createAt(String version) {
        return new MigratedDatabase(ScratchDirs.create("autodev-db-").resolve("test.db"), version);
    }

    /** Runs the migrations up to {@code version} ({@code latest} for all). */
    public void migrate(String version) {
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target(version).load().migrate();
    }

    public Db db() {
        return db;
    }

    public JdbcClient sql() {
        return db.write();
    }

    public Path file() {
        return file;
    }

    /** A job row; {@code parent} and {@code retryOf} may be null. Times are epoch milliseconds. */
    public void job(String id, String title, String status, long createdAt, String parent, String retryOf) {
        sql().sql("""
                INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at,
                                  parent_job_id, retry_of_job_id) VALUES (?, ?, ?, ?, 'claude-sonnet-4-6', '/tmp', ?, ?, ?, ?)""")
                .params(id, title, title, status, createdAt, createdAt, parent, retryOf).update();
    }

    /** A project row and, for each of {@code jobIds}, the job put in it. */
    public void project(String id, String name, long createdAt, String... jobIds) {
        sql().sql("INSERT INTO projects (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(id, name, createdAt, createdAt).update();
        for (String job : jobIds) sql().sql("UPDATE jobs SET project_id = ? WHERE id = ?").params(id, job).update();
    }

    /** A template row and, for each of {@code jobIds}, the job marked as made from it. */
    public void template(String id, String name, long createdAt, String... jobIds) {
        sql().sql("INSERT INTO templates (id, name, content, created_at, updated_at) VALUES (?, ?, 'c', ?, ?)")
                .params(id, name, createdAt, createdAt).update();
        for (String job : jobIds) sql().sql("UPDATE jobs SET template_id = ? WHERE id = ?").params(id, job).update();
    }

    /** One of the system's own small-model calls (triage, classification), as the knowledge base records it. */
    public void smallModelCall(String id, String purpose, boolean ok, double cost, long input, long output, long at) {
        sql().sql("""
                INSERT INTO small_model_calls (id, purpose, model, ok, cost_usd, input_tokens, output_tokens, duration_ms,
                                               created_at) VALUES (?, ?, 'claude-haiku-4-5', ?, ?, ?, ?, 10, ?)""")
                .params(id, purpose, ok ? 1 : 0, cost, input, output, at).update();
    }

    public void dependency(String jobId, String dependsOn) {
        sql().sql("INSERT INTO job_dependencies (job_id, depends_on_id) VALUES (?, ?)").params(jobId, dependsOn).update();
    }

    /** A run row with its usage; {@code finishedAt} null for an active run. */
    public void run(String id, String jobId, String status, String agent, String model, long startedAt, Long finishedAt,
                    double cost, boolean estimated, long input, long output) {
        sql().sql("""
                INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at, finished_at, cost_usd,
                                        cost_estimated, input_tokens, output_tokens) VALUES (?, ?, ?, ?, ?, 'p', ?, ?, ?, ?, ?, ?)""")
                .params(id, jobId, status, agent, model, startedAt, finishedAt, cost, estimated ? 1 : 0, input, output)
                .update();
    }

    /** An output event, stored as the run recorder stores it (so the search index's trigger sees it). */
    public void event(String runId, long seq, String type, String text, String dataJson, long createdAt) {
        sql().sql("INSERT OR IGNORE INTO agent_events (run_id, seq, type, text, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(runId, seq, type, text, dataJson, createdAt).update();
    }
}

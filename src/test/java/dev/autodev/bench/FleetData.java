package dev.autodev.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Generates a fleet's history straight into the server's database (the writer connection, so the search index's
 * trigger fills it exactly as for real output): jobs with runs over the last day, each run with its share of output
 * events whose words follow a skewed distribution (a few words everywhere, most rare), and the newest jobs linked
 * by dependencies, sub-jobs and retries. Batched in large transactions: a million events take well under a minute
 * on a quiet machine.
 */
final class FleetData {

    static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fu", "ga", "hi",
            "jo", "pe", "qu", "sa", "ti", "we", "xo"};

    final List<String> vocabulary = new ArrayList<>();
    private final Random random = new Random(42);

    FleetData(int words) {
        for (int i = 0; i < words; i++) {
            StringBuilder word = new StringBuilder();
            int n = i;
            do {
                word.append(SYLLABLES[n % SYLLABLES.length]);
                n /= SYLLABLES.length;
            } while (n > 0);
            vocabulary.add(word.append(i % 7).toString());
        }
    }

    /** A word by rank: rank 0 is the most common. Cubing a uniform draw gives a long tail of rare words. */
    String word() {
        double u = random.nextDouble();
        return vocabulary.get((int) (u * u * u * vocabulary.size()));
    }

    String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) text.append(i == 0 ? "" : " ").append(word());
        return text.append('.').toString();
    }

    /**
     * {@code jobs} jobs created over the last day (each with one run overlapping it) and {@code events} events among
     * the runs; the newest {@code linkedJobs} are linked. Returns when everything is committed.
     */
    void generate(DataSource writer, int jobs, int events, int linkedJobs, long now) throws SQLException {
        inTransaction(writer, c -> insertJobsAndRuns(c, jobs, linkedJobs, now));
        // The writer connection is the server's only one: give it back between chunks so its own writes go on.
        for (int from = 0; from < events; from += CHUNK) {
            int start = from;
            inTransaction(writer, c -> insertEvents(c, jobs, events, start, Math.min(events, start + CHUNK), now));
        }
    }

    private static final int CHUNK = 50_000;

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private static void inTransaction(DataSource writer, Work work) throws SQLException {
        try (Connection c = writer.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private void insertJobsAndRuns(Connection c, int jobs, int linkedJobs, long now) throws SQLException {
        // Jobs end done or cancelled (the bench's leftovers check counts failed and active jobs); runs vary more.
        String[] jobStatuses = {"done", "done", "done", "cancelled"};
        String[] runStatuses = {"done", "done", "failed", "cancelled", "done"};
        try (PreparedStatement job = c.prepareStatement("""
                INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at, parent_job_id,
                                  retry_of_job_id) VALUES (?, ?, 'generated', ?, 'claude-sonnet-4-6', '/tmp', ?, ?, ?, ?)""");
             PreparedStatement run = c.prepareStatement("""
                INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at, finished_at, cost_usd,
                                        input_tokens, output_tokens) VALUES (?, ?, ?, 'claude', 'claude-sonnet-4-6', 'p', ?, ?, 0.01, 1000, 100)""");
             PreparedStatement dependency = c.prepareStatement("INSERT INTO job_dependencies (job_id, depends_on_id) VALUES (?, ?)")) {
            long span = 23 * 3_600_000L;
            for (int i = 0; i < jobs; i++) {
                boolean linked = i >= jobs - linkedJobs;
                // The linked jobs were created in the last day (what the graph shows); the rest two days ago, their
                // runs started later. Every run falls in the last 24 hours (what the timeline shows).
                int k = i - (jobs - linkedJobs);
                long created = linked ? now - span + span * k / linkedJobs : now - 2 * 86_400_000L - (jobs - i) * 1000L;
                long started = now - span + span * i / jobs;
                String status = jobStatuses[i % jobStatuses.length];
                String runStatus = runStatuses[i % runStatuses.length];
                job.setString(1, jobId(i));
                job.setString(2, "Generated job " + i + " " + word());
                job.setString(3, status);
                job.setLong(4, created);
                job.setLong(5, created);
                job.setString(6, linked && i % 25 == 0 && i > 0 ? jobId(i - 3) : null);
                job.setString(7, linked && i % 40 == 1 ? jobId(i - 1) : null);
                job.addBatch();
                run.setString(1, runId(i));
                run.setString(2, jobId(i));
                run.setString(3, runStatus);
                run.setLong(4, started);
                run.setLong(5, started + 60_000 + random.nextInt(1_800_000));
                run.addBatch();
                // Chains of ten: each job waits for the one before it.
                if (linked && i % 10 != 0) {
                    dependency.setString(1, jobId(i));
                    dependency.setString(2, jobId(i - 1));
                    dependency.addBatch();
                }
            }
            job.executeBatch();
            run.executeBatch();
            dependency.executeBatch();
        }
    }

    private void insertEvents(Connection c, int runs, int events, int from, int to, long now) throws SQLException {
        String[] types = {"assistant_text", "tool_use", "tool_result", "assistant_text", "tool_result"};
        try (PreparedStatement event = c.prepareStatement(
                "INSERT INTO agent_events (run_id, seq, type, text, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            int perRun = Math.max(1, events / runs);
            for (int i = from; i < to; i++) {
                int run = i / perRun % runs;
                String type = types[i % types.length];
                event.setString(1, runId(run));
                event.setLong(2, i % perRun + 1L);
                event.setString(3, type);
                event.setString(4, type.equals("tool_use") ? "Bash" : sentence(8 + random.nextInt(24)));
                event.setString(5, type.equals("tool_use") ? "{\"input\":{\"command\":\"grep -rn " + word() + " src\"}}" : null);
                event.setLong(6, now - 3_600_000L + i % 3_600_000);
                event.addBatch();
                if (i % 10_000 == 9_999) event.executeBatch();
            }
            event.executeBatch();
        }
    }

    static String jobId(int i) {
        return "gen-job-" + i;
    }

    static String runId(int i) {
        return "gen-run-" + i;
    }
}

package dev.autodev.bench;

import dev.autodev.common.Db;
import dev.autodev.common.Ids;
import dev.autodev.templates.TemplateService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organising the work at scale: template stats over 100,000 runs, and the board's load when most jobs are archived.
 * The jobs and runs are written straight into the database in a few transactions (a real run per row would take
 * hours); the figures are what the REST API answers over them.
 *
 * <p>The board is measured first with {@code bench.organiseLiveJobs} (2,000) jobs on it, then again once
 * {@code bench.organiseArchivedJobs} (10,000) newer archived jobs holding {@code bench.organiseRuns} (100,000) runs
 * have joined them: archived jobs must not slow the board. Stats are read for the template with the most runs and
 * for the whole template × model table, {@code bench.organiseCalls} (200) times each.
 */
final class OrganiseSection {

    private static final String INSERT_TEMPLATE = """
            INSERT INTO templates (id, name, content, created_at, updated_at) VALUES (?, ?, 'bench guidelines', ?, ?)""";
    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at, template_id,
                archived_at) VALUES (?, ?, 'bench job', 'done', ?, '/tmp', ?, ?, ?, ?)""";
    private static final String INSERT_RUN = """
            INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at, finished_at, num_turns,
                cost_usd) VALUES (?, ?, ?, 'claude', ?, 'bench', ?, ?, ?, ?)""";
    private static final List<String> MODELS = List.of("claude-sonnet-4-6", "claude-haiku-4-5");
    private static final int TEMPLATES = 10;

    private OrganiseSection() {}

    static void run(BenchApp app, Report report) {
        int liveJobs = Integer.getInteger("bench.organiseLiveJobs", 2_000);
        int archivedJobs = Integer.getInteger("bench.organiseArchivedJobs", 10_000);
        int totalRuns = Integer.getInteger("bench.organiseRuns", 100_000);
        int calls = Integer.getInteger("bench.organiseCalls", 200);
        Db db = app.bean(Db.class);
        TransactionTemplate tx = app.bean(TransactionTemplate.class);
        BenchHttp http = app.http();
        long now = System.currentTimeMillis();

        List<String> templates = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int t = 0; t < TEMPLATES; t++) {
                String id = Ids.newId();
                templates.add(id);
                db.write().sql(INSERT_TEMPLATE).params(id, "bench template " + t + " " + id, now, now).update();
            }
        });
        insertJobs(db, tx, liveJobs, 1, now - 86_400_000L, null, templates);
        // Unmeasured first: the first reads pay for the JIT and the page cache, which would flatter the second figure.
        time(10, () -> http.get("/api/live/snapshot").expect(200).millis());
        Percentiles before = time(calls / 4, () -> http.get("/api/live/snapshot").expect(200).millis());
        report.figure("board load (GET /api/live/snapshot) with " + liveJobs + " live jobs: " + before.summary());

        int runsPerJob = Math.max(1, totalRuns / archivedJobs);
        long inserting = System.nanoTime();
        insertJobs(db, tx, archivedJobs, runsPerJob, now - 3_600_000L, now, templates);
        report.note("inserted %d archived jobs with %d runs in %.1f s", archivedJobs, archivedJobs * runsPerJob,
                (System.nanoTime() - inserting) / 1e9);
        time(3, () -> http.get("/api/live/snapshot").expect(200).millis());
        Percentiles after = time(calls / 4, () -> http.get("/api/live/snapshot").expect(200).millis());
        double ratio = after.p50() / before.p50();
        report.figure(String.format(Locale.ROOT, "board load with %d live + %d archived jobs: %s (p50 %.2f× the one without)",
                liveJobs, archivedJobs, after.summary(), ratio), "p50 within 10% of the one without", ratio <= 1.10);

        // Half the jobs use the first template, so it holds about half of all runs: the largest single-template read.
        String biggest = templates.getFirst();
        TemplateService service = app.bean(TemplateService.class);
        time(20, () -> http.get("/api/templates/" + biggest + "/stats").expect(200).millis()); // warm-up
        long counted = service.stats(biggest).overall().runs();
        // The query itself, in the server's JVM, then the same through HTTP (which adds the request's own costs).
        Percentiles query = time(calls, () -> timed(() -> service.stats(biggest)));
        report.figure("template stats query over " + counted + " runs of one template: " + query.summary(),
                "p99 < 50 ms", query.p99() < 50);
        Percentiles one = time(calls, () -> http.get("/api/templates/" + biggest + "/stats").expect(200).millis());
        report.figure("   GET /api/templates/{id}/stats: " + one.summary());
        time(20, () -> timed(service::statsByTemplateAndModel));
        Percentiles tableQuery = time(calls, () -> timed(service::statsByTemplateAndModel));
        report.figure("template × model stats query over all " + archivedJobs * runsPerJob + "+ runs: "
                + tableQuery.summary(), "p99 < 50 ms", tableQuery.p99() < 50);
        Percentiles table = time(calls, () -> http.get("/api/stats/template-model").expect(200).millis());
        report.figure("   GET /api/stats/template-model: " + table.summary());
    }

    /** Jobs (done) with their runs: a mix of done and failed on two models, half of the jobs on the first template. */
    private static void insertJobs(Db db, TransactionTemplate tx, int count, int runsPerJob, long firstCreatedAt,
                                   Long archivedAt, List<String> templates) {
        final int batch = 1_000;
        for (int from = 0; from < count; from += batch) {
            int start = from;
            tx.executeWithoutResult(s -> {
                List<Object[]> jobs = new ArrayList<>();
                List<Object[]> runs = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + batch); i++) {
                    String jobId = Ids.newId();
                    String model = MODELS.get(i % MODELS.size());
                    String template = i % 2 == 0 ? templates.getFirst() : templates.get(1 + i % (templates.size() - 1));
                    long created = firstCreatedAt + i;
                    jobs.add(new Object[] {jobId, "bench job " + i, model, created, created, template, archivedAt});
                    for (int r = 0; r < runsPerJob; r++) {
                        runs.add(new Object[] {Ids.newId(), jobId, (i + r) % 5 == 0 ? "failed" : "done", model,
                                created + r * 10_000L, created + r * 10_000L + 5_000 + (i % 7) * 1_000, 1 + (i + r) % 9,
                                0.01 * (1 + (i + r) % 13)});
                    }
                }
                batchInsert(db, INSERT_JOB, jobs);
                batchInsert(db, INSERT_RUN, runs);
            });
        }
    }

    private static void batchInsert(Db db, String sql, List<Object[]> rows) {
        for (Object[] row : rows) db.write().sql(sql).params(row).update();
    }

    private static double timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static Percentiles time(int times, Supplier<Double> call) {
        List<Double> millis = new ArrayList<>(times);
        for (int i = 0; i < Math.max(1, times); i++) millis.add(call.get());
        return Percentiles.of(millis);
    }

    /** For the section title. */
    static String describe() {
        return String.format(Locale.ROOT, "%,d live + %,d archived jobs, %,d runs",
                Integer.getInteger("bench.organiseLiveJobs", 2_000), Integer.getInteger("bench.organiseArchivedJobs", 10_000),
                Integer.getInteger("bench.organiseRuns", 100_000));
    }
}

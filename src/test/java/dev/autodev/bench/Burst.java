package dev.autodev.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many one-turn jobs submitted at the same moment (by default with a slot for each), while a dashboard-like probe keeps
 * reading the API. Shows how long the lot takes against what the CPU alone would allow, and whether the API stays
 * responsive while the machine is saturated.
 */
final class Burst {

    static final double TARGET_API_P99_MILLIS = 50;
    private static final long PROBE_INTERVAL_MILLIS = 20;
    private static final Duration IDLE_PROBE = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Burst() {}

    static void run(BenchApp app, Report report, int jobCount, int concurrency, double bareCpuSeconds)
            throws Exception {
        BenchHttp http = app.http();
        http.put("/api/settings", Map.of("maxConcurrentAgents", concurrency)).expect(200);
        report.figure("API at idle, for reference: " + idleApi(http).summary());

        int cores = Runtime.getRuntime().availableProcessors();
        double childCpuBefore = ChildCpu.reapedSeconds();
        double jvmCpuBefore = ChildCpu.ownSeconds();
        List<Jobs.Submitted> submitted;
        Instant allSettled;
        ApiProbe probe = new ApiProbe(http, PROBE_INTERVAL_MILLIS);
        try {
            submitted = submitAtOnce(http, jobCount);
            allSettled = awaitSettled(http);
        } finally {
            probe.close();
        }
        double childCpu = ChildCpu.reapedSeconds() - childCpuBefore;
        double jvmCpu = ChildCpu.ownSeconds() - jvmCpuBefore;

        Instant start = submitted.stream().map(Jobs.Submitted::sent).min(Instant::compareTo).orElseThrow();
        Jobs jobs = new Jobs(http);
        Instant lastProcessStart = start;
        Instant lastFinish = start;
        int notDone = 0;
        List<Double> posts = new ArrayList<>();
        List<Double> dispatch = new ArrayList<>();
        for (Jobs.Submitted job : submitted) {
            Jobs.Finished finished = jobs.await(job.id(), 0);
            if (!finished.done()) {
                if (notDone++ == 0) report.note("%s", finished.failure());
                if (!finished.processStarted()) continue;
            }
            Instant processStarted = finished.runInstant("processStartedAt");
            lastProcessStart = max(lastProcessStart, processStarted);
            lastFinish = max(lastFinish, finished.runInstant("finishedAt"));
            posts.add(Jobs.millisBetween(job.sent(), job.answered()));
            dispatch.add(Jobs.millisBetween(job.sent(), processStarted));
        }
        double wall = Jobs.millisBetween(start, lastFinish) / 1000;
        report.figure(String.format(Locale.ROOT,
                "burst of %d one-turn jobs at once (maxConcurrentAgents %d): all finished after %.2f s",
                jobCount, concurrency, wall));
        report.note("last process started %s after the first POST; %d of %d jobs did not end done;"
                        + " settled per /api/health after %.2f s",
                Percentiles.ms(Jobs.millisBetween(start, lastProcessStart)), notDone, jobCount,
                Jobs.millisBetween(start, allSettled) / 1000);
        report.note("POST response during the burst: %s; POST -> process start: %s",
                Percentiles.of(posts).summary(), Percentiles.of(dispatch).summary());
        if (ChildCpu.available()) {
            // NaN when the e2e section, which measures a bare run's CPU, was not run.
            String estimate = Double.isNaN(bareCpuSeconds) ? "no estimate from a bare run: e2e section skipped"
                    : String.format(Locale.ROOT, "estimate from one bare run: %.2f s x %d / %d = %.2f s",
                            bareCpuSeconds, jobCount, cores, bareCpuSeconds * jobCount / cores);
            report.figure(String.format(Locale.ROOT,
                    "CPU-bound lower bound: measured CLI CPU during the burst %.1f s / %d cores = %.2f s (%s)",
                    childCpu, cores, childCpu / cores, estimate));
            report.note("wall / lower bound: %.2fx; CPU of the server JVM (with bench and fake model): %.1f s",
                    wall / (childCpu / cores), jvmCpu);
        }
        Percentiles api = Percentiles.of(probe.allMillis());
        report.figure("API response time during the burst (" + api.count() + " requests): " + api.summary(),
                "p99 < 50 ms", api.p99() < TARGET_API_P99_MILLIS);
        for (String path : ApiProbe.PATHS) {
            report.note("GET %s: %s", path, Percentiles.of(probe.millis(path)).summary());
        }
        if (probe.errors() > 0) report.note("%d probe requests failed or were not 200", probe.errors());
    }

    private static Percentiles idleApi(BenchHttp http) throws InterruptedException {
        ApiProbe probe = new ApiProbe(http, PROBE_INTERVAL_MILLIS);
        Thread.sleep(IDLE_PROBE);
        probe.close();
        return Percentiles.of(probe.allMillis());
    }

    /** One thread per job, all released by one latch, so the POSTs really arrive together. */
    private static List<Jobs.Submitted> submitAtOnce(BenchHttp http, int jobCount) throws Exception {
        Jobs jobs = new Jobs(http);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Jobs.Submitted>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(jobCount)) {
            for (int i = 1; i <= jobCount; i++) {
                String description = "bench burst " + i;
                futures.add(threads.submit(() -> {
                    go.await();
                    return jobs.submit(description);
                }));
            }
            go.countDown();
            List<Jobs.Submitted> submitted = new ArrayList<>();
            for (Future<Jobs.Submitted> future : futures) submitted.add(future.get());
            return submitted;
        }
    }

    /** Waits until nothing is queued or running; cheap for the server, so it barely disturbs the probe. */
    private static Instant awaitSettled(BenchHttp http) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            BenchHttp.Reply health = http.get("/api/health").expect(200);
            if (health.body().get("queuedJobs").asLong() == 0 && health.body().get("activeAgents").asLong() == 0) {
                return health.received();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("burst jobs still queued or running after " + TIMEOUT);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

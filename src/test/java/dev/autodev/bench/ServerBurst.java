package dev.autodev.bench;

import dev.autodev.testsupport.fakemodel.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Figure 6 of the shipped server: 40 one-turn jobs POSTed at once with {@code maxConcurrentAgents} 20 (set through
 * the API, as a user would): wall time from the first POST to the last job done, time to the first job's first model
 * call, the POSTs' response times, against the CPU floor (a bare run's CPU x jobs / cores), and the JVM's peak RSS.
 */
final class ServerBurst {

    static final int CAP = 20;
    static final double ORIGINAL_WALL_SECONDS = 29.7;
    static final double GOAL_VS_ORIGINAL = 0.8;
    static final double GOAL_VS_FLOOR = 1.15;
    static final double GOAL_FIRST_CALL_MILLIS = 2000;
    static final double GOAL_POST_P99_MILLIS = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ServerBurst() {}

    static void run(ServerJobs jobs, UserMachine machine, Report report, int jobCount, JobOverhead.CliFloor floor)
            throws Exception {
        ShippedServer server = jobs.server();
        server.http().put("/api/settings", Map.of("maxConcurrentAgents", CAP)).expect(200);
        String burst = ServerJobs.marker("burst");
        List<String> markers = IntStream.rangeClosed(1, jobCount).mapToObj(i -> burst + " #" + i).toList();
        long questionsBefore = questions(machine);
        double cliCpuBefore = ProcFs.reapedChildrenCpuSeconds(server.javaPid());
        double serverCpuBefore = ProcFs.ownCpuSeconds(server.javaPid());
        List<Jobs.Submitted> submitted;
        double peak;
        try (RssSampler sampler = new RssSampler(server.javaPid())) {
            submitted = jobs.submitAtOnce(markers);
            awaitSettled(server.http());
            peak = sampler.peakMiB();
        }
        double cliCpu = ProcFs.reapedChildrenCpuSeconds(server.javaPid()) - cliCpuBefore;
        double serverCpu = ProcFs.ownCpuSeconds(server.javaPid()) - serverCpuBefore;
        long questions = questions(machine) - questionsBefore;

        Instant first = submitted.stream().map(Jobs.Submitted::sent).min(Instant::compareTo).orElseThrow();
        Instant lastDone = first;
        int notDone = 0;
        List<Double> posts = new ArrayList<>();
        for (Jobs.Submitted job : submitted) {
            Jobs.Finished finished = jobs.jobs.await(job.id(), 0);
            if (!finished.done() && notDone++ == 0) report.note("%s", finished.failure());
            Instant done = Instant.parse(finished.job().get("updatedAt").asString());
            if (done.isAfter(lastDone)) lastDone = done;
            posts.add(Jobs.millisBetween(job.sent(), job.answered()));
        }
        Instant firstCall = machine.model.requestsFor(burst).stream().map(RecordedRequest::receivedAt)
                .min(Instant::compareTo).orElseThrow(() -> new IllegalStateException("no burst job reached the model"));
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = Jobs.millisBetween(first, lastDone) / 1000;
        double floorBare = floor.bareCpuSeconds() * jobCount / cores;
        double floorConfigured = floor.configuredCpuSeconds() * jobCount / cores;
        double goalWall = ORIGINAL_WALL_SECONDS * GOAL_VS_ORIGINAL;

        report.figure(String.format(Locale.ROOT, "6. burst of %d one-turn jobs at once (cap %d): first POST -> last"
                        + " done %.1f s (%d not done)", jobCount, CAP, wall, notDone),
                String.format(Locale.ROOT, "<= %.1f s, 0.8x the original's %.1f s", goalWall, ORIGINAL_WALL_SECONDS),
                wall <= goalWall && notDone == 0);
        report.figure(String.format(Locale.ROOT, "   CPU floor, bare run's CPU %.2f s x %d / %d cores = %.1f s;"
                        + " wall / floor %.2fx", floor.bareCpuSeconds(), jobCount, cores, floorBare, wall / floorBare),
                "<= 1.15x", wall / floorBare <= GOAL_VS_FLOOR);
        report.note("beside the configured CLI's CPU %.2f s: floor %.1f s, wall / floor %.2fx", floor.configuredCpuSeconds(),
                floorConfigured, wall / floorConfigured);
        report.note("measured during the burst: CPU of the server's child processes (agents, and %d small-model"
                        + " questions it asked) %.1f s (%.2f s a job; / %d cores = %.1f s), the server JVM's own %.1f s",
                questions, cliCpu, cliCpu / jobCount, cores, cliCpu / cores, serverCpu);
        double toFirstCall = Jobs.millisBetween(first, firstCall);
        report.figure("   first POST -> the first job's first model call: " + Percentiles.ms(toFirstCall),
                "<= 2 s", toFirstCall <= GOAL_FIRST_CALL_MILLIS);
        Percentiles post = Percentiles.of(posts);
        report.figure("   POST response during the burst: " + post.summary(), "p99 <= 50 ms",
                post.p99() <= GOAL_POST_P99_MILLIS);
        report.figure(String.format(Locale.ROOT, "   server RSS peak during the burst (sampled every 100 ms): %.0f MiB",
                peak), "<= 220 MiB", peak <= ServerMemory.GOAL_PEAK_MIB);
    }

    /** How many tool-less questions (the server's own small-model calls, each a CLI process) the model has had. */
    private static long questions(UserMachine machine) {
        return machine.model.requests().stream().filter(RecordedRequest::isQuestion).count();
    }

    /** Waits until nothing is queued or running, asking the cheap health endpoint. */
    private static void awaitSettled(BenchHttp http) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            var health = http.get("/api/health").expect(200).body();
            if (health.get("queuedJobs").asLong() == 0 && health.get("activeAgents").asLong() == 0) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("burst jobs still queued or running after " + TIMEOUT);
    }
}

package dev.autodev.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Figure 2 of the shipped server: the resident memory of its JVM idle (10 s after it first answered healthy), after
 * 20 one-turn jobs have finished, and at its peak during the burst ({@link ServerBurst} samples that).
 */
final class ServerMemory {

    static final double GOAL_IDLE_MIB = 150;
    static final double GOAL_AFTER_JOBS_MIB = 180;
    static final double GOAL_PEAK_MIB = 220;
    private static final long IDLE_MILLIS = 10_000;
    private static final int JOBS = Integer.getInteger("bench.serverMemoryJobs", 20);

    private ServerMemory() {}

    static void idle(ShippedServer server, Report report, long healthyAtNanos) throws InterruptedException {
        long wait = IDLE_MILLIS - (System.nanoTime() - healthyAtNanos) / 1_000_000;
        if (wait > 0) Thread.sleep(wait);
        double rss = server.rssMiB();
        report.figure(String.format(Locale.ROOT, "2. server RSS idle (10 s after healthy): %.0f MiB", rss),
                "<= 150 MiB", rss <= GOAL_IDLE_MIB);
    }

    static void afterJobs(ServerJobs jobs, Report report) throws Exception {
        List<String> markers = IntStream.range(0, JOBS).mapToObj(i -> ServerJobs.marker("memory")).toList();
        double peak;
        try (RssSampler sampler = new RssSampler(jobs.server().javaPid())) {
            for (Jobs.Submitted job : jobs.submitAtOnce(markers)) jobs.awaitDone(job.id(), 100);
            peak = sampler.peakMiB();
        }
        double rss = jobs.server().rssMiB();
        report.figure(String.format(Locale.ROOT, "   server RSS after %d one-turn jobs (submitted at once) finished:"
                + " %.0f MiB (peak while they ran %.0f MiB)", JOBS, rss, peak), "<= 180 MiB", rss <= GOAL_AFTER_JOBS_MIB);
    }
}

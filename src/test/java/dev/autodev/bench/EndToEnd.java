package dev.autodev.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-turn job through the orchestrator (POST until a GET shows it done) against the same CLI run by hand. The two
 * are interleaved so that drift in the machine's load hits both alike.
 */
final class EndToEnd {

    static final double TARGET_RATIO = 1.05;
    private static final int WARM_UP = 2;
    private static final long POLL_MILLIS = 5;

    private EndToEnd() {}

    /** What the burst needs from this section: the CPU a single one-turn CLI run costs. */
    record Result(double bareCpuSeconds) {}

    static Result run(BenchApp app, Report report, int runs) throws IOException, InterruptedException {
        Jobs jobs = new Jobs(app.http());
        BareCli bare = new BareCli(app);
        for (int i = 1; i <= WARM_UP; i++) {
            jobs.await(jobs.submit("bench e2e warm-up " + i).id(), POLL_MILLIS);
            bare.run("bench bare warm-up " + i);
        }
        List<Double> orchestrated = new ArrayList<>();
        List<Double> toProcess = new ArrayList<>();
        List<Double> processToFinish = new ArrayList<>();
        List<Double> finishToSeen = new ArrayList<>();
        List<Double> bareWall = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        List<Double> barePolled = new ArrayList<>();
        List<Double> bareConfigured = new ArrayList<>();
        ActiveRuns holder = ActiveRuns.start(app, 1);
        bare.runConfigured("bench bare configured warm-up", holder.token(0));
        for (int i = 1; i <= runs; i++) {
            Jobs.Submitted submitted = jobs.submit("bench e2e " + i);
            Jobs.Finished finished = jobs.await(submitted.id(), POLL_MILLIS);
            if (!finished.done()) throw new IllegalStateException(finished.failure());
            var processStarted = finished.runInstant("processStartedAt");
            var runFinished = finished.runInstant("finishedAt");
            orchestrated.add(Jobs.millisBetween(submitted.sent(), finished.seen()));
            toProcess.add(Jobs.millisBetween(submitted.sent(), processStarted));
            processToFinish.add(Jobs.millisBetween(processStarted, runFinished));
            finishToSeen.add(Jobs.millisBetween(runFinished, finished.seen()));

            bareConfigured.add(bare.runConfigured("bench bare configured " + i, holder.token(0)).wallMillis());
            BareCli.Timing timing = bare.run("bench bare " + i);
            bareWall.add(timing.wallMillis());
            bareCpu.add(timing.cpuSeconds() * 1000);

            // On a small machine the 5 ms polling itself takes CPU from the CLI; this control pays the same toll.
            try (Poller poller = new Poller(app.http(), "/api/jobs/" + submitted.id(), POLL_MILLIS)) {
                barePolled.add(bare.run("bench bare polled " + i).wallMillis());
            }
        }
        holder.close();
        double job = Percentiles.of(orchestrated).p50();
        double cli = Percentiles.of(bareWall).p50();
        double configured = Percentiles.of(bareConfigured).p50();
        double ratio = job / configured;
        report.figure("one-turn job end-to-end (POST -> GET shows done, " + POLL_MILLIS + " ms polls), median of "
                + runs + ": " + Percentiles.ms(job));
        report.figure("bare CLI for the same run (same binary, arguments, agent configuration, env, fake), median of "
                + runs + ": " + Percentiles.ms(configured));
        report.figure(String.format(Locale.ROOT, "end-to-end / bare CLI for the same run: %.3fx", ratio),
                "<= 1.05x", ratio <= TARGET_RATIO);
        // Context: the CLI without the agent configuration, so the cost of MCP, the hook and the guide is visible.
        report.note("bare CLI with print-mode arguments only (%s), median %s; end-to-end / that: %.3fx; the agent"
                        + " configuration itself (MCP handshake, hook, guide) costs the CLI %s",
                String.join(" ", BareCli.ARGUMENTS), Percentiles.ms(cli), job / cli, Percentiles.ms(configured - cli));
        double polled = Percentiles.of(barePolled).p50();
        report.note("control: bare CLI while the same %d ms GET polling runs, median %s; end-to-end / that: %.3fx",
                POLL_MILLIS, Percentiles.ms(polled), job / polled);
        report.note("job breakdown (medians): POST -> process start %s; process start -> run finished %s;"
                        + " run finished -> seen done %s",
                Percentiles.ms(Percentiles.of(toProcess).p50()), Percentiles.ms(Percentiles.of(processToFinish).p50()),
                Percentiles.ms(Percentiles.of(finishToSeen).p50()));
        report.note("spread: job %s; bare CLI %s", Percentiles.of(orchestrated).summary(),
                Percentiles.of(bareWall).summary());
        double cpuMedian = Percentiles.of(bareCpu).p50() / 1000;
        report.note("bare CLI CPU per one-turn run (user+sys), median: %.2f s", cpuMedian);
        return new Result(cpuMedian);
    }

    /** Polls one path at a fixed cadence on its own thread, as the end-to-end measurement does, until closed. */
    private static final class Poller implements AutoCloseable {

        private final Thread thread;

        Poller(BenchHttp http, String path, long intervalMillis) {
            thread = Thread.ofPlatform().daemon().name("bench-poller").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        http.get(path);
                        Thread.sleep(intervalMillis);
                    }
                } catch (InterruptedException | RuntimeException e) {
                    // Closed (an interrupted request surfaces as a runtime exception): stop polling.
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }
}

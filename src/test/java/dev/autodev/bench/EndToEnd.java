package dev.autodev.bench;

import java.io.IOException;
import java.time.Instant;
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
    /**
     * How often the client asks whether the job is done. The end is taken from the server's own record of when the
     * job became done, so the poll only needs to notice it; polling every few ms would itself take CPU from the CLI
     * being measured on a small machine.
     */
    private static final long POLL_MILLIS = 50;

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
        List<Double> bareConfigured = new ArrayList<>();
        ActiveRuns holder = ActiveRuns.start(app, 1);
        bare.runConfigured("bench bare configured warm-up", holder.token(0));
        for (int i = 1; i <= runs; i++) {
            Jobs.Submitted submitted = jobs.submit("bench e2e " + i);
            Jobs.Finished finished = jobs.await(submitted.id(), POLL_MILLIS);
            if (!finished.done()) throw new IllegalStateException(finished.failure());
            var processStarted = finished.runInstant("processStartedAt");
            var runFinished = finished.runInstant("finishedAt");
            var jobDone = Instant.parse(finished.job().get("updatedAt").asString());
            orchestrated.add(Jobs.millisBetween(submitted.sent(), jobDone));
            toProcess.add(Jobs.millisBetween(submitted.sent(), processStarted));
            processToFinish.add(Jobs.millisBetween(processStarted, runFinished));
            finishToSeen.add(Jobs.millisBetween(runFinished, jobDone));

            bareConfigured.add(bare.runConfigured("bench bare configured " + i, holder.token(0)).wallMillis());
            BareCli.Timing timing = bare.run("bench bare " + i);
            bareWall.add(timing.wallMillis());
            bareCpu.add(timing.cpuSeconds() * 1000);

        }
        holder.close();
        double job = Percentiles.of(orchestrated).p50();
        double cli = Percentiles.of(bareWall).p50();
        double configured = Percentiles.of(bareConfigured).p50();
        double ratio = job / configured;
        report.figure("one-turn job end-to-end (POST sent -> job recorded done), median of " + runs + ": "
                + Percentiles.ms(job));
        report.figure("bare CLI for the same run (same binary, arguments, agent configuration, env, fake), median of "
                + runs + ": " + Percentiles.ms(configured));
        report.figure(String.format(Locale.ROOT, "end-to-end / bare CLI for the same run: %.3fx", ratio),
                "<= 1.05x", ratio <= TARGET_RATIO);
        // Context: the CLI without the agent configuration, so the cost of MCP, the hook and the guide is visible.
        report.note("bare CLI with print-mode arguments only (%s), median %s; end-to-end / that: %.3fx; the agent"
                        + " configuration itself (MCP handshake, hook, guide) costs the CLI %s",
                String.join(" ", BareCli.ARGUMENTS), Percentiles.ms(cli), job / cli, Percentiles.ms(configured - cli));
        report.note("job breakdown (medians): POST -> process start %s; process start -> run finished %s;"
                        + " run finished -> job done %s",
                Percentiles.ms(Percentiles.of(toProcess).p50()), Percentiles.ms(Percentiles.of(processToFinish).p50()),
                Percentiles.ms(Percentiles.of(finishToSeen).p50()));
        report.note("spread: job %s; bare CLI %s", Percentiles.of(orchestrated).summary(),
                Percentiles.of(bareWall).summary());
        double cpuMedian = Percentiles.of(bareCpu).p50() / 1000;
        report.note("bare CLI CPU per one-turn run (user+sys), median: %.2f s", cpuMedian);
        return new Result(cpuMedian);
    }
}

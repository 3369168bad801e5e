package dev.autodev.bench;

import dev.autodev.testsupport.fakemodel.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 5 of the shipped server: a job whose agent calls {@code finish_job} at once (then says a last word), from
 * POST to the job seen done by a client polling every 5 ms, against the CLI's own one-turn run from spawn to exit;
 * and from the CLI's first model call to the job seen done, beside what the CLI alone needs for that step
 * ({@link CliToolCallFloor}).
 */
final class FinishFirst {

    static final double GOAL_RATIO = 1.03;
    static final double GOAL_FIRST_CALL_TO_DONE_MILLIS = 20;
    private static final long POLL_MILLIS = 5;

    private FinishFirst() {}

    static void run(ServerJobs jobs, UserMachine machine, Report report, int runs, JobOverhead.CliFloor floor)
            throws java.io.IOException, InterruptedException {
        List<Double> postToSeen = new ArrayList<>();
        List<Double> postToRecorded = new ArrayList<>();
        List<Double> firstCallToSeen = new ArrayList<>();
        List<Double> postToFirstCall = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            String marker = ServerJobs.marker("finish");
            machine.model.script(marker,
                    Step.toolUse("mcp__orchestrator__finish_job", Map.of("result", "finished")),
                    Step.text("Finished."));
            Jobs.Submitted job = jobs.submit(marker);
            Jobs.Finished done = jobs.awaitDone(job.id(), POLL_MILLIS);
            if (i == 0) continue; // warm-up
            Instant recorded = Instant.parse(done.job().get("updatedAt").asString());
            postToSeen.add(Jobs.millisBetween(job.sent(), done.seen()));
            postToRecorded.add(Jobs.millisBetween(job.sent(), recorded));
            Instant firstCall = CliLaunch.firstCall(machine, marker);
            firstCallToSeen.add(Jobs.millisBetween(firstCall, done.seen()));
            postToFirstCall.add(Jobs.millisBetween(job.sent(), firstCall));
        }
        double seen = JobOverhead.median(postToSeen);
        double ratio = seen / floor.bareExitMillis();
        report.figure(String.format(Locale.ROOT, "5. one job that calls finish_job first, POST -> seen done %s over the"
                        + " bare CLI's spawn -> exit %s: %.2fx (median of %d)", Percentiles.ms(seen),
                Percentiles.ms(floor.bareExitMillis()), ratio, runs), "<= 1.03x", ratio <= GOAL_RATIO);
        report.note("beside the configured CLI's spawn -> exit %s: %.2fx; POST -> done as the server recorded it %s;"
                        + " POST -> first model call %s", Percentiles.ms(floor.configuredExitMillis()),
                seen / floor.configuredExitMillis(), Percentiles.ms(JobOverhead.median(postToRecorded)),
                Percentiles.ms(JobOverhead.median(postToFirstCall)));
        double afterCall = JobOverhead.median(firstCallToSeen);
        report.figure("   first model call -> job seen done: " + Percentiles.ms(afterCall) + " (spread "
                + Percentiles.of(firstCallToSeen).summary() + ")", "<= 20 ms", afterCall <= GOAL_FIRST_CALL_TO_DONE_MILLIS);
        try (CliToolCallFloor cliAlone = new CliToolCallFloor(machine)) {
            double floorMillis = cliAlone.medianMillis(runs);
            report.note("of which the CLI alone, run by hand against a stub MCP server that answers at once: first model"
                    + " call -> its tools/call %s (median of %d); the rest is the server's answer and recording the end,"
                    + " and the client's poll", Percentiles.ms(floorMillis), runs);
        }
    }
}

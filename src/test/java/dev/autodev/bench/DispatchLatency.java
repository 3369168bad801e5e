package dev.autodev.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a job waits between its POST and its agent process existing, with a free slot every time: jobs go one
 * at a time and each finishes before the next is sent.
 */
final class DispatchLatency {

    static final double TARGET_P99_MILLIS = 50;
    private static final int WARM_UP = 2;

    private DispatchLatency() {}

    static void run(BenchApp app, Report report, int jobCount) throws InterruptedException {
        Jobs jobs = new Jobs(app.http());
        for (int i = 1; i <= WARM_UP; i++) {
            jobs.await(jobs.submit("bench dispatch warm-up " + i).id(), 5);
        }
        List<Double> total = new ArrayList<>();
        List<Double> toClaim = new ArrayList<>();
        List<Double> claimToProcess = new ArrayList<>();
        int failed = 0;
        for (int i = 1; i <= jobCount; i++) {
            Jobs.Submitted submitted = jobs.submit("bench dispatch " + i);
            Jobs.Finished finished = jobs.await(submitted.id(), 5);
            if (!finished.done()) {
                // A job that never got a process says nothing about dispatch; one broken launch is worth a line.
                if (failed++ == 0) report.note("%s", finished.failure());
                if (!finished.processStarted()) continue;
            }
            // startedAt is when the dispatcher claimed the job and recorded the run; processStartedAt is after fork.
            var claimed = finished.runInstant("startedAt");
            var processStarted = finished.runInstant("processStartedAt");
            total.add(Jobs.millisBetween(submitted.sent(), processStarted));
            toClaim.add(Jobs.millisBetween(submitted.sent(), claimed));
            claimToProcess.add(Jobs.millisBetween(claimed, processStarted));
        }
        if (total.isEmpty()) throw new IllegalStateException("no dispatch job got a process; the product is broken");
        Percentiles latency = Percentiles.of(total);
        report.figure("dispatch latency (POST -> process start) over " + jobCount + " jobs: " + latency.summary(),
                "p99 < 50 ms", latency.p99() < TARGET_P99_MILLIS);
        report.note("of which POST -> run claimed: %s; run claimed -> process started: %s",
                Percentiles.of(toClaim).summary(), Percentiles.of(claimToProcess).summary());
        report.note("(after %d warm-up jobs; server times have millisecond precision; %d of %d jobs did not end done)",
                WARM_UP, failed, jobCount);
    }
}

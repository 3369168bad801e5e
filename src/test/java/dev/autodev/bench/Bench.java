package dev.autodev.bench;

/**
 * Measures the orchestrator against its latency targets with the real Claude Code CLI and a fake model: dispatch
 * latency, end-to-end overhead over the bare CLI, and a burst of concurrent jobs while the API is being read. Prints
 * figures only; a missed target is reported, not an error, so the exit code says whether the bench itself worked.
 * Run it with {@code scripts/bench}; sizes can be changed with {@code -Dbench.dispatchJobs}, {@code -Dbench.e2eRuns}
 * and {@code -Dbench.burstJobs}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) {
        int exit = 0;
        try {
            run();
        } catch (Throwable e) {
            System.err.println("bench failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        // Stray non-daemon threads (HTTP clients, pools) must not keep a finished bench alive.
        System.exit(exit);
    }

    private static void run() throws Exception {
        int dispatchJobs = Integer.getInteger("bench.dispatchJobs", 50);
        int e2eRuns = Integer.getInteger("bench.e2eRuns", 10);
        int burstJobs = Integer.getInteger("bench.burstJobs", 40);
        Report report = new Report();
        long started = System.nanoTime();
        try (BenchApp app = BenchApp.start()) {
            report.figure("autodev bench: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version() + ", CLI " + app.claude() + ", data in " + app.root());

            report.section("1. dispatch latency");
            DispatchLatency.run(app, report, dispatchJobs);

            report.section("2. end-to-end vs bare CLI");
            EndToEnd.Result e2e = EndToEnd.run(app, report, e2eRuns);

            report.section("3. burst");
            Burst.run(app, report, burstJobs, e2e.bareCpuSeconds());

            report.section("4. leftovers");
            Jobs jobs = new Jobs(app.http());
            long unfinished = jobs.count("queued") + jobs.count("running");
            long failed = jobs.count("failed");
            report.figure("jobs left queued or running: " + unfinished, "0", unfinished == 0);
            report.figure("jobs failed: " + failed + " (of " + (jobs.count("done") + failed + jobs.count("cancelled"))
                    + " finished)", "0", failed == 0);
        }
        report.section("summary");
        report.figure(String.format(java.util.Locale.ROOT, "bench took %.0f s; %d target(s) missed",
                (System.nanoTime() - started) / 1e9, report.missed()));
    }
}

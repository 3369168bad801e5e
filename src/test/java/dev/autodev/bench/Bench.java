package dev.autodev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures the orchestrator against its latency targets with the real Claude Code CLI and a fake model: dispatch
 * latency, end-to-end overhead over the bare CLI, a burst of concurrent jobs while the API is being read, the MCP
 * endpoint's tool-call and watch_notes latency, and the dashboard in headless Chromium with 2,000 jobs and 20 agents
 * streaming, template stats over 100,000 runs, the board with 10,000 archived jobs, knowledge-base search and memory
 * selection with 50,000 entries, and the fleet views over a million generated output events ({@link FleetSection}).
 * The {@code server} section runs first and apart: it starts the packaged jar as its own process, as it ships, and
 * measures it from outside against the bare CLI ({@link ServerSection}).
 * Prints figures only; a missed target is reported, not an error, so the exit code says whether the bench
 * itself worked. Run it with {@code scripts/bench}.
 * {@code -Dbench.sections=server,dispatch,e2e,burst,mcp,dashboard,organise,kb,terminal,fleet} runs only some sections (default: all). Sizes can be
 * changed with {@code -Dbench.dispatchJobs}, {@code -Dbench.e2eRuns}, {@code -Dbench.burstJobs} and
 * {@code -Dbench.burstConcurrency} (default: all at once), the MCP ones as {@link McpSection} lists, the dashboard's
 * as {@link DashboardSection} lists; {@code -Dbench.claudeBin} swaps the CLI; {@code -Dbench.keep=true} keeps the
 * database and agent logs for a look afterwards.
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

    /** The 1, 5 and 15 minute load averages, to tell a quiet machine from one shared with other work. */
    private static String loadAverage() {
        String[] fields = readFirstLine("/proc/loadavg").split(" ");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String readFirstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).getFirst().strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void run() throws Exception {
        int dispatchJobs = Integer.getInteger("bench.dispatchJobs", 50);
        int e2eRuns = Integer.getInteger("bench.e2eRuns", 10);
        int burstJobs = Integer.getInteger("bench.burstJobs", 40);
        int burstConcurrency = Integer.getInteger("bench.burstConcurrency", burstJobs);
        // Parsed before the server starts, so a typo fails in a second rather than after a minute of start-up.
        Sections sections = Sections.fromSystemProperty();
        if (sections.has("dashboard") || sections.has("terminal")) DashboardSection.checkPrerequisites();
        Report report = new Report();
        long started = System.nanoTime();
        report.figure("autodev bench: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", CLI " + BenchApp.claudeBinary());
        report.figure("load average before: " + loadAverage()
                + " (well above 0 means other work shares the CPUs and the figures are noisy)");
        // With autogroup on, every agent started in its own session weighs as much as the whole server.
        report.figure("scheduler autogroup: " + readFirstLine("/proc/sys/kernel/sched_autogroup_enabled"));
        report.figure("sections: " + sections.describe());

        // First, while no server runs in this JVM: it measures a server of its own, from outside.
        if (sections.has("server")) {
            report.section("0. the server as it ships (packaged jar, its own process, defaults)");
            ServerSection.run(report);
        }
        if (sections.needInProcessServer()) runInProcess(sections, report, dispatchJobs, e2eRuns, burstJobs, burstConcurrency);
        report.section("summary");
        report.figure("load average after: " + loadAverage());
        report.figure(String.format(Locale.ROOT, "bench took %.0f s; %d target(s) missed",
                (System.nanoTime() - started) / 1e9, report.missed()));
    }

    private static void runInProcess(Sections sections, Report report, int dispatchJobs, int e2eRuns, int burstJobs,
            int burstConcurrency) throws Exception {
        try (BenchApp app = BenchApp.start()) {
            report.figure("server in this JVM, data in " + app.root()
                    + (Boolean.getBoolean("bench.keep") ? " (kept)" : " (removed at the end)"));
            if (sections.has("dispatch")) {
                report.section("1. dispatch latency");
                DispatchLatency.run(app, report, dispatchJobs);
            }
            // Burst only prints the CPU estimate from this; without e2e it says so instead.
            double bareCpuSeconds = Double.NaN;
            if (sections.has("e2e")) {
                report.section("2. end-to-end vs bare CLI");
                bareCpuSeconds = EndToEnd.run(app, report, e2eRuns).bareCpuSeconds();
            }
            if (sections.has("burst")) {
                report.section("3. burst");
                Burst.run(app, report, burstJobs, burstConcurrency, bareCpuSeconds);
            }
            if (sections.has("mcp")) {
                report.section("4. MCP endpoint");
                McpSection.run(app, report);
            }

            if (sections.has("dashboard")) {
                report.section("5. dashboard (2,000 jobs, 20 agents streaming)");
                DashboardSection.run(app, report);
            }

            if (sections.has("organise")) {
                report.section("6. organise (" + OrganiseSection.describe() + ")");
                OrganiseSection.run(app, report);
            }
            if (sections.has("terminal")) {
                report.section("7. interactive sessions' browser terminal");
                TerminalSection.run(app, report);
            }

            if (sections.has("kb")) {
                report.section("8. knowledge base (50,000 entries)");
                KbSection.run(app, report);
            }

            if (sections.has("fleet")) {
                report.section("9. fleet views (search, timeline, graph at scale)");
                FleetSection.run(app, report);
            }

            report.section("10. leftovers");
            Jobs jobs = new Jobs(app.http());
            long unfinished = jobs.count("queued") + jobs.count("running");
            long failed = jobs.count("failed");
            report.figure("jobs left queued or running: " + unfinished, "0", unfinished == 0);
            report.figure("jobs failed: " + failed + " (of " + (jobs.count("done") + failed + jobs.count("cancelled"))
                    + " finished)", "0", failed == 0);
        }
    }
}

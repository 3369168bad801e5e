package dev.autodev.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures 3 and 4 of the shipped server: what a job adds before its CLI's first model call, against the same CLI
 * started by hand, and what each of the server's launch settings costs the CLI on its own. Jobs and CLI runs are
 * interleaved round by round so that drift in the machine's load hits all alike; figures are medians.
 */
final class JobOverhead {

    static final double GOAL_OVERHEAD_MILLIS = 25;
    private static final long POLL_MILLIS = 50;

    private JobOverhead() {}

    /** What later figures compare with: the bare and configured CLI's one-turn run, spawn to exit, and its CPU. */
    record CliFloor(double bareExitMillis, double configuredExitMillis, double bareCpuSeconds, double configuredCpuSeconds) {}

    static CliFloor run(ServerJobs jobs, UserMachine machine, Report report, int runs) throws Exception {
        try (CliToolCallFloor stub = new CliToolCallFloor(machine)) {
            return run(jobs, machine, report, runs, stub);
        }
    }

    private static CliFloor run(ServerJobs jobs, UserMachine machine, Report report, int runs, CliToolCallFloor stub)
            throws Exception {
        List<CliLaunch.Variant> variants = new ArrayList<>(CliLaunch.Variant.all());
        CliLaunch.Variant anyMcp = CliLaunch.Variant.mcpAndSettingsOf("any MCP server + settings", stub.anyMcpAndSettings());
        variants.add(anyMcp);
        Map<CliLaunch.Variant, List<CliLaunch.Timing>> timings = new LinkedHashMap<>();
        variants.forEach(v -> timings.put(v, new ArrayList<>()));
        List<Double> postToFirstCall = new ArrayList<>();
        List<Double> postToProcess = new ArrayList<>();
        List<Double> processToFirstCall = new ArrayList<>();
        ColdJobs cold;
        try (WaitingRun live = WaitingRun.start(jobs, machine)) {
            report.note("launch settings read from a live run: %s", live.settings().describe());
            CliLaunch cli = new CliLaunch(machine, live.settings());
            // One unmeasured round: the first start of a binary pays for the page cache.
            jobs.awaitDone(jobs.submit(ServerJobs.marker("warm")).id(), POLL_MILLIS);
            for (CliLaunch.Variant variant : variants) cli.run(variant);
            for (int i = 1; i <= runs; i++) {
                String marker = ServerJobs.marker("overhead");
                Jobs.Submitted job = jobs.submit(marker);
                Jobs.Finished done = jobs.awaitDone(job.id(), POLL_MILLIS);
                Instant firstCall = CliLaunch.firstCall(machine, marker);
                postToFirstCall.add(Jobs.millisBetween(job.sent(), firstCall));
                postToProcess.add(Jobs.millisBetween(job.sent(), done.runInstant("processStartedAt")));
                processToFirstCall.add(Jobs.millisBetween(done.runInstant("processStartedAt"), firstCall));
                for (CliLaunch.Variant variant : variants) timings.get(variant).add(cli.run(variant));
            }
            cold = coldJobs(jobs, machine, cli, runs);
        }
        double job = median(postToFirstCall);
        double bare = median(timings.get(CliLaunch.Variant.BARE), CliLaunch.Timing::toFirstCallMillis);
        double configured = median(timings.get(CliLaunch.Variant.CONFIGURED), CliLaunch.Timing::toFirstCallMillis);
        report.figure(String.format(Locale.ROOT, "3. per-job overhead: POST -> the CLI's first model call %s, minus the"
                        + " bare CLI's spawn -> first call %s = %+.0f ms (median of %d)", Percentiles.ms(job),
                Percentiles.ms(bare), job - bare, runs), "<= 25 ms", job - bare <= GOAL_OVERHEAD_MILLIS);
        report.note("beside the configured CLI (spawn -> first call %s): %+.0f ms; spread of POST -> first call: %s",
                Percentiles.ms(configured), job - configured, Percentiles.of(postToFirstCall).summary());
        report.note("these jobs run one after another in one work dir, each taking over the CLI started ahead for it"
                + " (a warm start); a job in a work dir new to the server starts its own: POST -> first call %s, %+.0f ms"
                + " over the bare CLI's %s in the same rounds (median of %d)", Percentiles.ms(cold.postToFirstCall()),
                cold.postToFirstCall() - cold.bareFirstCall(), Percentiles.ms(cold.bareFirstCall()), runs);
        // The server's own record of the process start splits the job's time into the server's part and the CLI's.
        report.note("of which POST -> process started (as the server recorded it) %s, process started -> first call %s",
                Percentiles.ms(median(postToProcess)), Percentiles.ms(median(processToFirstCall)));

        report.figure("4. launch settings, each alone and all together (medians of " + runs + "):");
        report.note("%-28s %22s %10s %18s %10s", "CLI", "spawn -> first call", "vs bare", "spawn -> exit", "CPU");
        for (CliLaunch.Variant variant : variants) {
            List<CliLaunch.Timing> t = timings.get(variant);
            double first = median(t, CliLaunch.Timing::toFirstCallMillis);
            report.note("%-28s %22s %+8.0f ms %18s %8.2f s", variant.name(), Percentiles.ms(first), first - bare,
                    Percentiles.ms(median(t, CliLaunch.Timing::toExitMillis)), median(t, CliLaunch.Timing::cpuSeconds));
        }
        // What no server can take off: the CLI's own price for an MCP connection and a settings file.
        double anyFirst = median(timings.get(anyMcp), CliLaunch.Timing::toFirstCallMillis);
        double bareCpu = median(timings.get(CliLaunch.Variant.BARE), CliLaunch.Timing::cpuSeconds);
        report.note("split of the job's %+.0f ms over bare: the CLI's own price for any MCP server and settings file"
                        + " (a stub MCP server that answers at once, an empty settings file) %+.0f ms (%+.0f ms of CPU);"
                        + " this server's MCP endpoint, hook, guide and stdin beyond that %+.0f ms (%+.0f ms of CPU);"
                        + " the server's own part (POST -> first call over the configured CLI) %+.0f ms",
                job - bare, anyFirst - bare, 1000 * (median(timings.get(anyMcp), CliLaunch.Timing::cpuSeconds) - bareCpu),
                configured - anyFirst, 1000 * (median(timings.get(CliLaunch.Variant.CONFIGURED), CliLaunch.Timing::cpuSeconds)
                        - median(timings.get(anyMcp), CliLaunch.Timing::cpuSeconds)), job - configured);
        return new CliFloor(median(timings.get(CliLaunch.Variant.BARE), CliLaunch.Timing::toExitMillis),
                median(timings.get(CliLaunch.Variant.CONFIGURED), CliLaunch.Timing::toExitMillis),
                median(timings.get(CliLaunch.Variant.BARE), CliLaunch.Timing::cpuSeconds),
                median(timings.get(CliLaunch.Variant.CONFIGURED), CliLaunch.Timing::cpuSeconds));
    }

    /** Medians of jobs that each ran in a work dir of their own, and of the bare CLI in the same rounds. */
    private record ColdJobs(double postToFirstCall, double bareFirstCall) {}

    /**
     * Jobs in work dirs new to the server, so no CLI was started ahead for them, each round beside a bare CLI. Run
     * after the warm rounds: each of these leaves a CLI started ahead for its own dir, in place of the one the work
     * dir of the rounds above had. A pause after each lets that CLI's start-up end before the next is timed.
     */
    private static ColdJobs coldJobs(ServerJobs jobs, UserMachine machine, CliLaunch cli, int runs) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            String marker = ServerJobs.marker("cold");
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(machine.root.resolve("cold-" + i));
            Jobs.Submitted job = jobs.submitIn(marker, dir);
            jobs.awaitDone(job.id(), POLL_MILLIS);
            cold.add(Jobs.millisBetween(job.sent(), CliLaunch.firstCall(machine, marker)));
            Thread.sleep(1_500);
            bare.add(cli.run(CliLaunch.Variant.BARE).toFirstCallMillis());
        }
        return new ColdJobs(median(cold), median(bare));
    }

    static double median(List<Double> values) {
        return Percentiles.of(values).p50();
    }

    private static double median(List<CliLaunch.Timing> timings, java.util.function.ToDoubleFunction<CliLaunch.Timing> field) {
        return median(timings.stream().map(t -> field.applyAsDouble(t)).toList());
    }
}

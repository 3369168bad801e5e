package dev.autodev.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The product as it ships, measured from outside: the packaged jar started as its own process from an empty
 * directory with its defaults and a user's environment (the port, the pinned CLI, the fake model's address), against
 * the same CLI run by hand, bare and with the server's launch settings. Each figure is printed with the goal of issue
 * 11's table. Sizes: {@code -Dbench.serverRuns} (default 10), {@code -Dbench.serverStarts} (3),
 * {@code -Dbench.serverBurstJobs} (40); how the server is started: {@link ServerLauncher}.
 */
final class ServerSection {

    private ServerSection() {}

    static void run(Report report) throws Exception {
        Optional<Path> jar = ServerLauncher.jar();
        if (jar.isEmpty()) {
            report.figure("skipped: no packaged jar in target/ (build one with ./mvnw -B -q -Dfrontend.skip -DskipTests"
                    + " package)");
            return;
        }
        if (!ProcFs.available()) {
            report.figure("skipped: no /proc to read the server's CPU and memory from");
            return;
        }
        int runs = Integer.getInteger("bench.serverRuns", 10);
        int starts = Integer.getInteger("bench.serverStarts", 3);
        int burstJobs = Integer.getInteger("bench.serverBurstJobs", 40);
        report.figure("launcher: " + ServerLauncher.describe(jar.get()));
        try (UserMachine machine = new UserMachine()) {
            report.figure("machine: server directories, work dir and CLI runs under " + machine.root
                    + (Boolean.getBoolean("bench.keep") ? " (kept)" : " (removed at the end)"));
            try (ShippedServer server = ServerStartup.run(jar.get(), machine, report, starts)) {
                ServerMemory.idle(server, report, server.healthyAtNanos());
                ServerJobs jobs = new ServerJobs(server, machine);
                ServerMemory.afterJobs(jobs, report);
                JobOverhead.CliFloor floor = JobOverhead.run(jobs, machine, report, runs);
                FinishFirst.run(jobs, machine, report, runs, floor);
                ServerBurst.run(jobs, machine, report, burstJobs, floor);
            }
        }
    }
}

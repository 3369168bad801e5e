package dev.autodev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Claude Code CLI run by hand the way the orchestrator runs it (same binary, arguments, environment, fake model,
 * prompt on stdin from a file, output to files), so its time is the floor the orchestrator's end-to-end is compared
 * with. The orchestrator's {@code setsid} wrapper is left out: it is part of the overhead being measured.
 */
final class BareCli {

    /** The arguments after the binary, but for the session id every run gets fresh. */
    static final List<String> ARGUMENTS = List.of("-p", "--output-format", "stream-json", "--verbose",
            "--dangerously-skip-permissions", "--model", "claude-sonnet-4-6", "--max-turns", "1", "--session-id");

    private final BenchApp app;
    private final Path dir;
    private int runs;

    BareCli(BenchApp app) throws IOException {
        this.app = app;
        this.dir = Files.createDirectories(app.root().resolve("bare-cli"));
    }

    /** What one run cost: wall time from just before the start to the reaped exit, and the CPU it used. */
    record Timing(double wallMillis, double cpuSeconds) {}

    /** Runs one one-turn prompt to its end; fails if the CLI did not end with a successful result. */
    Timing run(String prompt) throws IOException, InterruptedException {
        int n = ++runs;
        Path input = Files.writeString(dir.resolve(n + ".prompt"), prompt);
        Path stdout = dir.resolve(n + ".ndjson");
        List<String> command = new ArrayList<>();
        command.add(app.claude().toString());
        command.addAll(ARGUMENTS);
        command.add(UUID.randomUUID().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(app.workDir().toFile())
                .redirectInput(input.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve(n + ".stderr").toFile());
        builder.environment().putAll(app.agentEnv());
        double cpuBefore = ChildCpu.reapedSeconds();
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        double cpu = ChildCpu.reapedSeconds() - cpuBefore;
        String output = Files.readString(stdout);
        if (exit != 0 || !output.contains("\"subtype\":\"success\"")) {
            throw new IllegalStateException("bare CLI run " + n + " exited " + exit + " without a successful result;"
                    + " see " + dir);
        }
        return new Timing(wall, cpu);
    }
}

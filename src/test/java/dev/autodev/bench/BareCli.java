package dev.autodev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return run(prompt, List.of(), Map.of());
    }

    /**
     * The same, with the agent configuration the orchestrator gives every run: its MCP server (with the token of a
     * live run, so the CLI connects and lists the tools exactly as a real run does), the lock hook, and an appended
     * system prompt. This is the CLI's own time for the same run; what the orchestrator adds on top is its overhead.
     */
    Timing runConfigured(String prompt, String token) throws IOException, InterruptedException {
        Path mcp = Files.writeString(dir.resolve("mcp.json"), """
                {"mcpServers":{"orchestrator":{"type":"http","url":"%s/mcp","headers":{"Authorization":"Bearer %s"}}}}"""
                .formatted(app.baseUrl(), token));
        Path hook = app.root().resolve("hooks").resolve("check-lock-hook");
        Path settings = Files.writeString(dir.resolve("settings.json"), """
                {"hooks":{"PreToolUse":[{"matcher":"Edit|Write|MultiEdit|NotebookEdit","hooks":[{"type":"command","command":"%s"}]}]}}"""
                .formatted(hook));
        List<String> extra = List.of("--mcp-config", mcp.toString(), "--settings", settings.toString(),
                "--append-system-prompt", GUIDE);
        return run(prompt, extra, Map.of("ORCHESTRATOR_API_URL", app.baseUrl(), "ORCHESTRATOR_AGENT_TOKEN", token));
    }

    /** About as long as the guide the orchestrator appends; its exact words do not change the CLI's work. */
    private static final String GUIDE = "You are one of several agents working in parallel under an orchestrator. "
            + "Lock files with lock_files before editing them and release them when done; share results with notes; "
            + "split work with create_job and wait_for_jobs; ask the user with ask_user; report with report_status.";

    private Timing run(String prompt, List<String> extraArgs, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int n = ++runs;
        Path input = Files.writeString(dir.resolve(n + ".prompt"), prompt);
        Path stdout = dir.resolve(n + ".ndjson");
        List<String> command = new ArrayList<>();
        command.add(app.claude().toString());
        command.addAll(ARGUMENTS);
        command.add(UUID.randomUUID().toString());
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(app.workDir().toFile())
                .redirectInput(input.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve(n + ".stderr").toFile());
        builder.environment().putAll(app.agentEnv());
        builder.environment().putAll(extraEnv);
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

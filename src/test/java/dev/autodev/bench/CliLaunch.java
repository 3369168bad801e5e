package dev.autodev.bench;

import dev.autodev.testsupport.fakemodel.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Claude Code run by hand for one one-turn prompt, bare or with some of the server's launch settings, timed from
 * just before its spawn to the moment the fake model received its first conversation request, and to its reaped exit.
 * Bare is what a user would type: {@code claude -p --dangerously-skip-permissions --model M --output-format
 * stream-json --verbose PROMPT}, with nothing on stdin.
 */
final class CliLaunch {

    /** One launch setting of the server's, to add alone or together. */
    enum Setting {
        /** {@code --mcp-config} (HTTP, bearer token of a live run) and the MCP variables the server sets. */
        MCP,
        /** {@code --settings} with the lock hook, and the variables the hook reads. */
        HOOK,
        /** {@code --append-system-prompt} with the server's guide. */
        GUIDE,
        /** The prompt on stdin instead of as an argument. */
        STDIN
    }

    /**
     * A named set of settings, e.g. "bare" (none) or "all together", taken from the live run's launch settings unless
     * the variant brings its own ({@code own}).
     */
    record Variant(String name, Set<Setting> settings, LaunchSettings own) {

        Variant(String name, Set<Setting> settings) {
            this(name, settings, null);
        }

        /** The CLI with {@code own}'s MCP config and settings file instead of the server's. */
        static Variant mcpAndSettingsOf(String name, LaunchSettings own) {
            return new Variant(name, EnumSet.of(Setting.MCP, Setting.HOOK), own);
        }

        static final Variant BARE = new Variant("bare", Set.of());
        /**
         * The CLI as the server configures and starts it: every launch setting, at the usual priority (the server
         * lowers an agent's priority only once it is past its start).
         */
        static final Variant CONFIGURED = new Variant("all together (configured)", EnumSet.allOf(Setting.class));

        /** Bare, each setting alone, then all together. */
        static List<Variant> all() {
            List<Variant> variants = new ArrayList<>(List.of(BARE));
            for (Setting setting : Setting.values()) variants.add(new Variant("+ " + setting.name().toLowerCase(), Set.of(setting)));
            variants.add(CONFIGURED);
            return variants;
        }
    }

    /** What one run cost: spawn to first model call, spawn to exit, and its CPU (user+sys). */
    record Timing(double toFirstCallMillis, double toExitMillis, double cpuSeconds) {}

    static final String MODEL = "claude-sonnet-4-6";

    private final UserMachine machine;
    private final LaunchSettings launch;
    private final Path dir;
    private int runs;

    CliLaunch(UserMachine machine, LaunchSettings launch) throws IOException {
        this.machine = machine;
        this.launch = launch;
        this.dir = Files.createDirectories(machine.root.resolve("cli-runs"));
    }

    Timing run(Variant variant) throws IOException, InterruptedException {
        int n = ++runs;
        String marker = "bench-cli-" + UUID.randomUUID();
        String prompt = "Answer in one word. " + marker;
        Set<Setting> settings = variant.settings();
        LaunchSettings launch = variant.own() != null ? variant.own() : this.launch;
        List<String> command = new ArrayList<>();
        command.addAll(List.of(machine.claude.toString(), "-p", "--dangerously-skip-permissions",
                "--model", MODEL, "--output-format", "stream-json", "--verbose"));
        // The prompt before the settings: --mcp-config takes several files and would swallow a prompt after it.
        if (!settings.contains(Setting.STDIN)) command.add(prompt);
        if (settings.contains(Setting.MCP)) command.addAll(List.of("--mcp-config", launch.mcpConfig().toString()));
        if (settings.contains(Setting.HOOK)) command.addAll(List.of("--settings", launch.settings().toString()));
        if (settings.contains(Setting.GUIDE)) command.addAll(List.of("--append-system-prompt", launch.guide()));
        Path stdin = settings.contains(Setting.STDIN) ? Files.writeString(dir.resolve(n + ".prompt"), prompt) : Path.of("/dev/null");
        Path stdout = dir.resolve(n + ".ndjson");
        ProcessBuilder builder = new ProcessBuilder(command).directory(machine.workDir.toFile())
                .redirectInput(stdin.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve(n + ".stderr").toFile());
        builder.environment().putAll(machine.env);
        if (!settings.isEmpty()) builder.environment().putAll(launch.otherEnv());
        if (settings.contains(Setting.MCP)) builder.environment().putAll(launch.mcpEnv());
        if (settings.contains(Setting.HOOK)) builder.environment().putAll(launch.hookEnv());

        double cpuBefore = ChildCpu.reapedSeconds();
        Instant spawned = Instant.now();
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("CLI run " + n + " (" + variant.name() + ") still running after 2 minutes; see " + dir);
        }
        Instant exited = Instant.now();
        double cpu = ChildCpu.reapedSeconds() - cpuBefore;
        if (process.exitValue() != 0 || !Files.readString(stdout).contains("\"subtype\":\"success\"")) {
            throw new IllegalStateException("CLI run " + n + " (" + variant.name() + ") exited " + process.exitValue()
                    + " without a successful result; see " + dir);
        }
        Instant firstCall = firstCall(marker);
        return new Timing(Jobs.millisBetween(spawned, firstCall), Jobs.millisBetween(spawned, exited), cpu);
    }

    /** When the fake model received the first conversation request whose prompt carries {@code marker}. */
    static Instant firstCall(UserMachine machine, String marker) {
        List<RecordedRequest> calls = machine.model.requestsFor(marker);
        if (calls.isEmpty()) throw new IllegalStateException("no model call carried " + marker);
        return calls.stream().map(RecordedRequest::receivedAt).min(Instant::compareTo).orElseThrow();
    }

    private Instant firstCall(String marker) {
        return firstCall(machine, marker);
    }
}

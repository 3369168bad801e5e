package dev.autodev.testsupport.fakemodel;

import dev.autodev.testsupport.PinnedClis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches the pinned Claude Code CLI against a {@link FakeAnthropicApi}, the way the product does:
 * prompt on stdin, stream-json on stdout. One instance keeps one working and one config directory,
 * so a later {@code --resume} finds the sessions of earlier runs.
 */
final class RealClaudeCli {

    static final String MODEL = "claude-sonnet-4-6";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FakeAnthropicApi api;
    private final Path workDir;
    private final Path configDir;
    private final Path logDir;
    private final AtomicInteger runs = new AtomicInteger();

    RealClaudeCli(FakeAnthropicApi api, Path scratch) {
        this.api = api;
        this.workDir = scratch.resolve("work");
        this.configDir = scratch.resolve("config");
        this.logDir = scratch.resolve("logs");
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(configDir);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path workDir() {
        return workDir;
    }

    /** Runs the CLI to its end with the product's usual arguments plus {@code extraArgs}. */
    Outcome run(String prompt, String... extraArgs) {
        return start(prompt, extraArgs).await();
    }

    /** Starts the CLI without waiting, so several can run at once. */
    Running start(String prompt, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(PinnedClis.claude().toString(),
                "-p", "--output-format", "stream-json", "--verbose", "--dangerously-skip-permissions",
                "--model", MODEL));
        command.addAll(List.of(extraArgs));
        int run = runs.incrementAndGet();
        Path stdout = logDir.resolve("run" + run + ".out");
        Path stderr = logDir.resolve("run" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        // A developer's own credentials or settings must not leak into an offline run.
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE"));
        env.put("ANTHROPIC_BASE_URL", api.baseUrl());
        env.put("ANTHROPIC_API_KEY", "test");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("CLAUDE_CODE_MAX_RETRIES", "0");
        env.put("IS_SANDBOX", "1"); // tests run as root, where --dangerously-skip-permissions needs it
        env.put("CLAUDE_CONFIG_DIR", configDir.toString());
        try {
            long startedAt = System.nanoTime();
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(prompt.getBytes(StandardCharsets.UTF_8));
            }
            return new Running(process, stdout, stderr, startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A CLI process under way. */
    record Running(Process process, Path stdout, Path stderr, long startedAt) {

        Outcome await() {
            try {
                if (!process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the CLI ran longer than " + TIME_LIMIT + "; stdout so far:\n"
                            + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
                String out = Files.readString(stdout);
                return new Outcome(process.exitValue(), parseLines(out), out, Files.readString(stderr), took);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AssertionError("interrupted while waiting for the CLI", e);
            }
        }

        private static List<JsonNode> parseLines(String out) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(JSON.readTree(line));
                } catch (JacksonException e) {
                    // Not a stream-json line; the raw stdout still has it for failure messages.
                }
            }
            return lines;
        }
    }

    /** What a finished run printed. */
    record Outcome(int exitCode, List<JsonNode> lines, String stdout, String stderr, Duration took) {

        List<JsonNode> ofType(String type) {
            return lines.stream().filter(line -> type.equals(line.path("type").asString(""))).toList();
        }

        JsonNode init() {
            return ofType("system").stream()
                    .filter(line -> "init".equals(line.path("subtype").asString("")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no init line in:\n" + this));
        }

        JsonNode result() {
            List<JsonNode> results = ofType("result");
            if (results.isEmpty()) {
                throw new AssertionError("no result line in:\n" + this);
            }
            return results.getLast();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\nstdout:\n" + stdout
                    + "\nstderr:\n" + stderr;
        }
    }
}

package dev.autodev.bench;

import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a user's machine holds around the shipped server: the pinned Claude Code CLI, a model to talk to (the
 * scripted fake, in this JVM), the environment that points one at the other, and a folder elsewhere to work in. The
 * server gets this environment and nothing else; a CLI run by hand gets the same.
 */
final class UserMachine implements AutoCloseable {

    final Path root;
    final Path workDir;
    final Path claude;
    final FakeAnthropicApi model = FakeAnthropicApi.start();
    final Map<String, String> env;

    UserMachine() throws IOException {
        root = Files.createTempDirectory("autodev-bench-server-");
        workDir = Files.createDirectories(root.resolve("work"));
        claude = BenchApp.claudeBinary();
        env = Map.of(
                "CLAUDE_BIN", claude.toString(),
                "ANTHROPIC_BASE_URL", model.baseUrl(),
                "ANTHROPIC_API_KEY", "bench-key",
                "DISABLE_TELEMETRY", "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
                // As root, Claude Code refuses to skip permissions outside a sandbox.
                "IS_SANDBOX", "1",
                "CLAUDE_CONFIG_DIR", Files.createDirectories(root.resolve("claude-config")).toString());
    }

    /** Stops the fake and removes everything unless {@code -Dbench.keep=true}. */
    @Override
    public void close() {
        model.close();
        if (Boolean.getBoolean("bench.keep")) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only temp files are left behind; the figures are already printed.
        }
    }
}

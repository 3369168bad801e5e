package dev.autodev.bench;

import dev.autodev.AutodevApplication;
import dev.autodev.testsupport.PinnedClis;
import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator as a user runs it, in this JVM: a fresh temp directory for its database, logs and agent config,
 * the pinned Claude Code CLI, and a fake Anthropic API so agents answer in one cheap turn without a network.
 */
final class BenchApp implements AutoCloseable {

    private final FakeAnthropicApi model;
    private final Path root;
    private final Path workDir;
    private final Path claude;
    private final Map<String, String> agentEnv;
    private final ConfigurableApplicationContext context;
    private final BenchHttp http;

    private BenchApp(FakeAnthropicApi model, Path root) throws IOException {
        this.model = model;
        this.root = root;
        this.workDir = Files.createDirectories(root.resolve("work"));
        this.claude = claudeBinary();
        this.agentEnv = Map.of(
                "ANTHROPIC_BASE_URL", model.baseUrl(),
                "ANTHROPIC_API_KEY", "bench-key",
                "DISABLE_TELEMETRY", "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
                "CLAUDE_CODE_MAX_RETRIES", "0",
                "IS_SANDBOX", "1",
                "CLAUDE_CONFIG_DIR", root.resolve("claude-config").toString());
        SpringApplication app = new SpringApplication(AutodevApplication.class);
        context = app.run(arguments());
        http = new BenchHttp("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** The pinned CLI, or another one (a newer build, or a wrapper that runs it under nice) from -Dbench.claudeBin. */
    static Path claudeBinary() {
        String claudeBin = System.getProperty("bench.claudeBin");
        return claudeBin == null ? PinnedClis.claude() : Path.of(claudeBin).toAbsolutePath();
    }

    /** Starts the fake model and the server; the caller closes both. */
    static BenchApp start() throws IOException {
        Path root = Files.createTempDirectory("autodev-bench-");
        FakeAnthropicApi model = FakeAnthropicApi.start();
        try {
            return new BenchApp(model, root);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private String[] arguments() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--autodev.storage.db-path=" + root.resolve("orchestrator.db"),
                "--autodev.agents.log-dir=" + root.resolve("agent-logs"),
                "--autodev.agents.claude-bin=" + claude,
                "--autodev.jobs.default-work-dir=" + workDir,
                // Interactive sessions on a tmux server of the bench's own; the terminal section's own sessions
                // belong to no run, so the reaper waits until it is over.
                "--autodev.interactive.socket=" + root.resolve("tmux.sock"),
                "--autodev.interactive.reaper-interval=1h",
                // A token or origin list from the caller's environment would turn the bench's requests away.
                "--autodev.security.auth-token=",
                "--autodev.security.allowed-origins=",
                // Dispatch figures measure the queue: a job without a model would otherwise wait for the classifier's
                // answer first (by design; the kb section measures what memory adds to dispatch).
                "--autodev.classify.enabled=false",
                // The figures are the output; startup and request logs would bury them.
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.dev.autodev=warn"));
        // The start pace (MAX_STARTING_AGENTS) to compare, e.g. -Dbench.maxStartingAgents=-1 for no pacing at all.
        String pace = System.getProperty("bench.maxStartingAgents");
        if (pace != null) args.add("--autodev.agents.start-pace.max-starting=" + pace);
        agentEnv.forEach((key, value) -> args.add("--autodev.agents.env[" + key + "]=" + value));
        return args.toArray(String[]::new);
    }

    BenchHttp http() {
        return http;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:40123}; the MCP endpoint is under it at /mcp. */
    String baseUrl() {
        return http.baseUrl();
    }

    /** The fake model, for sections that script what agents are told. */
    FakeAnthropicApi model() {
        return model;
    }

    /** A bean of the running server, for what the API does not offer (such as issuing a run a token). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Path root() {
        return root;
    }

    Path workDir() {
        return workDir;
    }

    Path claude() {
        return claude;
    }

    /** The environment the server adds for every agent, so a bare CLI run can be given exactly the same. */
    Map<String, String> agentEnv() {
        return agentEnv;
    }

    /** Stops the server (its agents first) and the fake, then removes the temp directory unless told to keep it. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            model.close();
        }
        if (!Boolean.getBoolean("bench.keep")) deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only temp files are left behind; the figures are already printed.
        }
    }
}

package dev.autodev.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import dev.autodev.testsupport.fakeopenai.FakeOpenAiApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server on a random port with its own SQLite file, launching the pinned real Claude Code CLI against one
 * shared scripted model, and the pinned real Codex CLI (models {@code codex...}) against one shared scripted
 * OpenAI Responses API ({@link #OPENAI}). Test classes that extend this share one Spring context, so each test scripts its own
 * marker ({@link #newMarker()}) and looks only at the jobs it created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AgentIntegrationTest {

    static {
        // Awaitility would fail a wait with any uncaught exception from any thread of the JVM; the server these tests
        // share has many threads of its own, and a test judges what it waits for, not what the others do.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    protected static final FakeAnthropicApi MODEL = SharedModel.INSTANCE;
    /** How many of the newest jobs the test server's snapshot holds. */
    protected static final int SNAPSHOT_JOBS = 50;
    protected static final FakeOpenAiApi OPENAI = SharedModel.OPENAI;
    protected static final Path ROOT = tempRoot();
    /** Where the stand-in {@code gh} records its calls: each call's arguments, one a line, then a line {@code --}. */
    protected static final Path GH_CALLS = ROOT.resolve("gh-calls.log");
    /** What the stand-in {@code gh} prints, as {@code gh pr create} prints the new pull request's address. */
    protected static final String FAKE_PR_URL = "https://github.example/pr/1";

    @LocalServerPort
    int port;

    protected Api api;

    /** The properties subclasses set for their own server, by the registry of that server's context. */
    private static final Map<DynamicPropertyRegistry, Set<String>> OVERRIDDEN = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void agentEnvironment(DynamicPropertyRegistry server) {
        DynamicPropertyRegistry registry = exceptOverridden(server);
        registry.add("autodev.storage.db-path", () -> ROOT.resolve("orchestrator.db").toString());
        registry.add("autodev.agents.log-dir", () -> ROOT.resolve("agent-logs").toString());
        registry.add("autodev.agents.claude-bin", () -> PinnedClis.claude().toString());
        registry.add("autodev.agents.stop-grace", () -> "3s");
        registry.add("autodev.agents.codex-bin", () -> PinnedClis.codex().toString());
        // Interactive sessions on a tmux server of the test's own, never the one of whoever runs the tests.
        registry.add("autodev.interactive.socket", () -> ROOT.resolve("tmux.sock").toString());
        // A model name Codex knows, or it adds an error item to every run.
        registry.add("autodev.agents.codex-default-model", () -> "gpt-5.5");
        List<String> codexConfig = OPENAI.codexConfig();
        for (int i = 0; i < codexConfig.size(); i++) {
            String value = codexConfig.get(i);
            registry.add("autodev.agents.codex-config[" + i + "]", () -> value);
        }
        // Tests end with their server; leave no agent behind.
        registry.add("autodev.agents.stop-on-shutdown", () -> "true");
        // Tests call the watchdog themselves; a periodic sweep would settle other tests' hand-made runs.
        registry.add("autodev.queue.watchdog-interval", () -> "1h");
        registry.add("autodev.backups.dir", () -> ROOT.resolve("backups").toString());
        // Long MCP tool calls report progress this often, so a test of a few seconds sees some.
        registry.add("autodev.mcp.heartbeat-interval", () -> "1s");
        // Small, so the dashboard's "load older jobs" is reachable with tens of jobs rather than thousands.
        registry.add("autodev.live.snapshot-jobs", () -> String.valueOf(SNAPSHOT_JOBS));
        registry.add("autodev.jobs.default-work-dir", () -> ROOT.resolve("work").toString());
        // Only jobs with useWorktree open pull requests; none reaches GitHub.
        registry.add("autodev.git.gh-bin", () -> fakeGh().toString());
        agentEnv().forEach((key, value) -> registry.add("autodev.agents.env[" + key + "]", () -> value));
        // Workflows rotate to this model when their own are rate limited.
        registry.add("autodev.workflows.fallback-models[0]", () -> "claude-haiku-4-5");
        // Most tests create jobs without a model and want them dispatched at once; the classification tests turn
        // auto-classification on over REST (and resetSettings turns it off again). No scheduled consolidation
        // pass merges one test's entries behind its back.
        registry.add("autodev.classify.enabled", () -> "false");
        registry.add("autodev.kb.consolidate-interval", () -> "0s");
    }

    /**
     * Sets a property of this test class's server where the shared setup above sets it otherwise. Call it from the
     * subclass's own {@code @DynamicPropertySource} method: a plain {@code registry.add} would be lost, because Spring
     * runs the subclass's method first and {@link #agentEnvironment} then replaces what it set. A class that changes
     * anything gets a server of its own: give it its own database too ({@code autodev.storage.db-path}), so neither
     * server takes over the other's runs at start-up.
     */
    protected static void overrideServerProperty(DynamicPropertyRegistry registry, String name, Supplier<Object> value) {
        OVERRIDDEN.computeIfAbsent(registry, r -> ConcurrentHashMap.newKeySet()).add(name);
        registry.add(name, value);
    }

    /** Leaves out a property the shared setup would set, e.g. one of {@link #agentEnv()}'s variables. */
    protected static void dropServerProperty(DynamicPropertyRegistry registry, String name) {
        OVERRIDDEN.computeIfAbsent(registry, r -> ConcurrentHashMap.newKeySet()).add(name);
    }

    /** The registry, passing on only what this class's server does not override. */
    private static DynamicPropertyRegistry exceptOverridden(DynamicPropertyRegistry registry) {
        Set<String> overridden = OVERRIDDEN.getOrDefault(registry, Set.of());
        return (name, value) -> {
            if (!overridden.contains(name)) registry.add(name, value);
        };
    }

    /** What every agent process gets: the fake model, no telemetry, no retries, and a private config dir. */
    static Map<String, String> agentEnv() {
        return Map.of(
                "ANTHROPIC_BASE_URL", MODEL.baseUrl(),
                "ANTHROPIC_API_KEY", "test-key",
                "DISABLE_TELEMETRY", "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
                "CLAUDE_CODE_MAX_RETRIES", "0",
                "IS_SANDBOX", "1",
                "CLAUDE_CONFIG_DIR", ROOT.resolve("claude-config").toString(),
                FakeOpenAiApi.KEY_VARIABLE, "test-key",
                "CODEX_HOME", codexHome().toString());
    }

    private java.time.Instant testStartedAt;

    @BeforeEach
    void connectAndResetSettings() {
        api = new Api("http://127.0.0.1:" + port);
        testStartedAt = java.time.Instant.now().minusMillis(1);
        resetSettings();
    }

    /**
     * Tests share one server and its agent slots: whatever a test started and left active (it failed half-way, or
     * it did not need to wait for the end) is cancelled here, so one failure cannot hold slots and fail the tests
     * after it. Only jobs created since this test began are touched.
     */
    @org.junit.jupiter.api.AfterEach
    void cancelWhatThisTestLeftActive() {
        for (String status : List.of("running", "queued")) {
            JsonNode page = api.get("/api/jobs?size=200&status=" + status).body();
            // A server of a test that requires a token answers 401 here; such tests leave no agents running.
            if (page == null || !page.has("items")) continue;
            for (JsonNode job : page.get("items")) {
                if (java.time.Instant.parse(job.get("createdAt").asString()).isBefore(testStartedAt)) continue;
                api.post("/api/jobs/" + job.get("id").asString() + "/cancel", null);
            }
        }
    }

    /** Tests share one server, so each starts from the default settings. */
    protected void resetSettings() {
        assertThat(api.put("/api/settings", Map.of("maxConcurrentAgents", 20)).status()).isEqualTo(200);
        assertThat(api.put("/api/classification/settings", Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.put("/api/knowledge-base/settings", Map.of("requireApproval", false)).status()).isEqualTo(200);
    }

    protected int localPort() {
        return port;
    }

    /** A marker unique to one test; put it in a job's description and script the model with it. */
    protected static String newMarker() {
        return "[scenario " + UUID.randomUUID() + "]";
    }

    protected JsonNode createJob(JobRequestBuilder job) {
        Api.Response response = api.post("/api/jobs", job.body());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    protected JsonNode job(String id) {
        Api.Response response = api.get("/api/jobs/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** Waits until the job reaches one of {@code statuses} and returns it (with its runs). */
    protected JsonNode awaitJob(String id, String... statuses) {
        Set<String> wanted = Arrays.stream(statuses).collect(Collectors.toSet());
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    last[0] = job(id);
                    assertThat(last[0].get("status").asString()).isIn(wanted);
                });
        return last[0];
    }

    /** Waits until the job's latest run has reached {@code status} (e.g. running) and returns that run. */
    protected JsonNode awaitRun(String jobId, String status) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode runs = job(jobId).get("runs");
            assertThat(runs.size()).isPositive();
            run[0] = runs.get(runs.size() - 1);
            assertThat(run[0].get("status").asString()).isEqualTo(status);
        });
        return run[0];
    }

    protected static Path newWorkDir() {
        try {
            return Files.createDirectories(ROOT.resolve("work").resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fakeGh() {
        try {
            Path gh = ROOT.resolve("bin").resolve("gh");
            Files.createDirectories(gh.getParent());
            Files.writeString(gh, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + GH_CALLS + "'; done\n"
                    + "echo -- >> '" + GH_CALLS + "'\necho 'Creating pull request...'\necho " + FAKE_PR_URL + "\n");
            gh.toFile().setExecutable(true);
            return gh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path codexHome() {
        try {
            return Files.createDirectories(ROOT.resolve("codex-home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempRoot() {
        try {
            Path root = ScratchDirs.create("autodev-it-");
            Files.createDirectories(root.resolve("work"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fake of each model API for the whole test JVM; they live until the JVM exits. */
    private static final class SharedModel {
        static final FakeAnthropicApi INSTANCE = FakeAnthropicApi.start();
        static final FakeOpenAiApi OPENAI = FakeOpenAiApi.start();
    }
}

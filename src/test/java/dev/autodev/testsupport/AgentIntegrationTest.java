package dev.autodev.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server on a random port with its own SQLite file, launching the pinned real Claude Code CLI against one
 * shared scripted model. Test classes that extend this share one Spring context, so each test scripts its own
 * marker ({@link #newMarker()}) and looks only at the jobs it created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AgentIntegrationTest {

    protected static final FakeAnthropicApi MODEL = SharedModel.INSTANCE;
    protected static final Path ROOT = tempRoot();

    @LocalServerPort
    int port;

    protected Api api;

    @DynamicPropertySource
    static void agentEnvironment(DynamicPropertyRegistry registry) {
        registry.add("autodev.storage.db-path", () -> ROOT.resolve("orchestrator.db").toString());
        registry.add("autodev.agents.log-dir", () -> ROOT.resolve("agent-logs").toString());
        registry.add("autodev.agents.claude-bin", () -> PinnedClis.claude().toString());
        registry.add("autodev.agents.stop-grace", () -> "3s");
        // Long MCP tool calls report progress this often, so a test of a few seconds sees some.
        registry.add("autodev.mcp.heartbeat-interval", () -> "1s");
        registry.add("autodev.jobs.default-work-dir", () -> ROOT.resolve("work").toString());
        agentEnv().forEach((key, value) -> registry.add("autodev.agents.env[" + key + "]", () -> value));
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
                "CLAUDE_CONFIG_DIR", ROOT.resolve("claude-config").toString());
    }

    @BeforeEach
    void connectAndResetSettings() {
        api = new Api("http://127.0.0.1:" + port);
        resetSettings();
    }

    /** Tests share one server, so each starts from the default settings. */
    protected void resetSettings() {
        assertThat(api.put("/api/settings", Map.of("maxConcurrentAgents", 20)).status()).isEqualTo(200);
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

    private static Path tempRoot() {
        try {
            Path root = Files.createTempDirectory("autodev-it-");
            Files.createDirectories(root.resolve("work"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fake model for the whole test JVM; it lives until the JVM exits. */
    private static final class SharedModel {
        static final FakeAnthropicApi INSTANCE = FakeAnthropicApi.start();
    }
}

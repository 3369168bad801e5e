package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.PinnedClis;
import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import dev.autodev.testsupport.fakemodel.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server as its own process, killed with SIGKILL while agents work, then started again on the same database:
 * every run is completed exactly once, with all of its output.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private final FakeAnthropicApi model = FakeAnthropicApi.start();
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        servers.forEach(Process::destroyForcibly);
        model.close();
    }

    @Test
    void runsActiveWhenTheServerIsKilledAreCompletedOnceAfterARestart() throws Exception {
        int port = freePort();
        String marker = "[crash " + UUID.randomUUID() + "]";
        model.script(marker, Step.text("finished after the crash").afterDelay(Duration.ofSeconds(6)));
        Process first = startServer(port);
        Api api = new Api("http://127.0.0.1:" + port);
        awaitHealthy(api);

        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobIds.add(api.post("/api/jobs", aJob("Survive " + i + " " + marker).body()).body().get("id").asString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobIds.stream()
                .allMatch(id -> runsOf(api, id).size() == 1 && runsOf(api, id).get(0).get("status").asString().equals("running")));
        List<Long> pids = jobIds.stream().map(id -> runsOf(api, id).get(0).get("pid").asLong()).toList();

        first.destroyForcibly().waitFor();
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        startServer(port);
        awaitHealthy(api);

        for (String id : jobIds) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/jobs/" + id).body().get("status").asString().equals("done"));
            JsonNode job = api.get("/api/jobs/" + id).body();
            assertThat(job.get("runs").size()).as("started once").isEqualTo(1);
            JsonNode run = job.get("runs").get(0);
            assertThat(run.get("resultText").asString()).isEqualTo("finished after the crash");
            JsonNode output = api.get("/api/agents/" + run.get("id").asString() + "/output?limit=500").body();
            List<String> types = output.get("events").valueStream().map(e -> e.get("type").asString()).toList();
            assertThat(types).startsWith("system").endsWith("result");
            assertThat(types.stream().filter("result"::equals).count()).isEqualTo(1);
        }
        assertThat(model.requestsFor(marker)).hasSize(3);
    }

    private Process startServer(int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.autodev.AutodevApplication",
                "--server.port=" + port,
                "--autodev.storage.db-path=" + dir.resolve("orchestrator.db"),
                "--autodev.agents.log-dir=" + dir.resolve("agent-logs"),
                "--autodev.agents.claude-bin=" + PinnedClis.claude(),
                "--autodev.jobs.default-work-dir=" + Files.createDirectories(dir.resolve("work"))));
        Map<String, String> env = Map.of(
                "ANTHROPIC_BASE_URL", model.baseUrl(), "ANTHROPIC_API_KEY", "test-key", "DISABLE_TELEMETRY", "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1", "CLAUDE_CODE_MAX_RETRIES", "0", "IS_SANDBOX", "1",
                "CLAUDE_CONFIG_DIR", dir.resolve("claude-config").toString());
        env.forEach((key, value) -> command.add("--autodev.agents.env[" + key + "]=" + value));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                .start();
        servers.add(server);
        return server;
    }

    private static void awaitHealthy(Api api) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.get("/api/health").status() == 200);
    }

    private static List<JsonNode> runsOf(Api api, String jobId) {
        return api.get("/api/jobs/" + jobId).body().get("runs").valueStream().toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

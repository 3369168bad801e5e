package dev.autodev.interactive;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.TerminalClient;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Interactive jobs: the real Claude Code terminal UI in tmux, watched and typed into through the terminal socket. */
class InteractiveSessionsTest extends AgentIntegrationTest {

    private static final Duration ANSWER = Duration.ofSeconds(60);

    @Test
    void anInteractiveRunAnswersInItsTerminalTakesAFollowUpAndGoesIdleBetweenTurns() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("First answer ALPHA-1"), Step.text("Second answer BETA-2"));
        String jobId = createJob(aJob("Say something " + marker).with("interactive", true)).get("id").asString();

        JsonNode run = awaitRun(jobId, "idle");
        String runId = run.get("id").asString();
        // The Stop hook may come a moment before the terminal UI has drawn the answer.
        await().atMost(ANSWER).until(() -> history(runId).contains("First answer ALPHA-1"));

        try (TerminalClient terminal = TerminalClient.attach(localPort(), runId, 100, 30)) {
            await().atMost(ANSWER).until(() -> terminal.output().contains("ALPHA-1"));
            terminal.type("tell me more");
            terminal.type("\r");
            await().atMost(ANSWER).until(() -> terminal.output().contains("BETA-2"));
        }
        // The turn's end reaches the server through the Stop hook; its transcript then has the second answer.
        await().atMost(ANSWER).untilAsserted(() -> {
            JsonNode after = job(jobId).get("runs").get(0);
            assertThat(after.get("status").asString()).isEqualTo("idle");
            assertThat(after.get("numTurns").asInt()).isGreaterThanOrEqualTo(2);
        });
        // The transcript has tokens, no cost: estimated at Sonnet's price ($3 in, $15 out per million; the fake model
        // uses no prompt cache), and marked as an estimate.
        JsonNode priced = job(jobId).get("runs").get(0);
        long in = priced.get("inputTokens").asLong();
        long out = priced.get("outputTokens").asLong();
        assertThat(in).isGreaterThanOrEqualTo(200);
        assertThat(out).isGreaterThanOrEqualTo(40);
        assertThat(priced.get("costUsd").asDouble()).isPositive().isCloseTo((in * 3 + out * 15) / 1e6, within(1e-9));
        assertThat(priced.get("costEstimated").asBoolean()).isTrue();
        JsonNode events = api.get("/api/agents/" + runId + "/output").body().get("events");
        assertThat(events.toString()).contains("First answer ALPHA-1").contains("Second answer BETA-2");
        assertThat(job(jobId).get("status").asString()).isEqualTo("running");
        assertThat(MODEL.requestsFor(marker).getLast().messagesContain("tell me more")).isTrue();
    }

    @Test
    void continueAndInputTypeIntoTheLiveSession() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Ready GAMMA-1"), Step.text("Continued GAMMA-2"), Step.text("Raw input GAMMA-3"));
        String jobId = createJob(aJob("Wait for me " + marker).with("interactive", true)).get("id").asString();
        String runId = awaitRun(jobId, "idle").get("id").asString();

        var continued = api.post("/api/agents/" + runId + "/continue", Map.of("message", "go on please"));
        assertThat(continued.status()).as(continued.text()).isEqualTo(202);
        await().atMost(ANSWER).until(() -> history(runId).contains("GAMMA-2"));

        var input = api.post("/api/agents/" + runId + "/input", Map.of("text", "and once more\r"));
        assertThat(input.status()).as(input.text()).isEqualTo(202);
        await().atMost(ANSWER).until(() -> history(runId).contains("GAMMA-3"));
        assertThat(job(jobId).get("runs").size()).as("typed into the same run").isEqualTo(1);
        assertThat(api.post("/api/agents/" + runId + "/input", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void disconnectClosesTheViewNotTheAgentAndReconnectAttachesAgain() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Still here DELTA-1"));
        String jobId = createJob(aJob("Stay " + marker).with("interactive", true)).get("id").asString();
        String runId = awaitRun(jobId, "idle").get("id").asString();

        try (TerminalClient first = TerminalClient.attach(localPort(), runId, 80, 24);
             TerminalClient second = TerminalClient.attach(localPort(), runId, 120, 40)) {
            await().atMost(ANSWER).until(() -> first.output().contains("DELTA-1") && second.output().contains("DELTA-1"));
            var disconnected = api.post("/api/agents/" + runId + "/disconnect", null);
            assertThat(disconnected.status()).isEqualTo(200);
            assertThat(disconnected.body().get("attachedTerminals").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.isClosed() && second.isClosed());
        }
        assertThat(job(jobId).get("runs").get(0).get("status").asString()).isEqualTo("idle");

        var reconnected = api.post("/api/agents/" + runId + "/reconnect", null);
        assertThat(reconnected.status()).as(reconnected.text()).isEqualTo(200);
        assertThat(reconnected.body().get("terminal").asString()).isEqualTo("/ws/terminal/" + runId);
        try (TerminalClient again = TerminalClient.attach(localPort(), runId, 100, 30)) {
            await().atMost(ANSWER).until(() -> again.output().contains("DELTA-1"));
        }
    }

    @Test
    void cancelKillsTheSessionAndItsProcessGroup() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Bye EPSILON-1"));
        String jobId = createJob(aJob("Cancel me " + marker).with("interactive", true)).get("id").asString();
        JsonNode run = awaitRun(jobId, "idle");
        String runId = run.get("id").asString();
        long pid = run.get("pid").asLong();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        var cancelled = api.post("/api/agents/" + runId + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        JsonNode ended = awaitJob(jobId, "cancelled").get("runs").get(0);
        assertThat(ended.get("status").asString()).isEqualTo("cancelled");
        // Stopped with SIGTERM, Claude Code wrote what the session cost; its own figure replaces the estimate.
        assertThat(ended.get("costEstimated").asBoolean()).isFalse();
        assertThat(ended.get("inputTokens").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(ended.get("costUsd").asDouble()).isPositive().isCloseTo(
                (ended.get("inputTokens").asLong() * 3 + ended.get("outputTokens").asLong() * 15) / 1e6, within(1e-9));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(history(runId)).isEmpty();
        assertThat(api.post("/api/agents/" + runId + "/reconnect", null).status()).isEqualTo(409);
        var refused = api.post("/api/agents/" + runId + "/input", Map.of("text", "anyone?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asString()).contains("no live terminal session");
    }

    @Test
    void theReaperKillsSessionsNoRunOwnsAndLeavesLiveOnes() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Owned ETA-1"));
        String jobId = createJob(aJob("Keep me " + marker).with("interactive", true)).get("id").asString();
        String runId = awaitRun(jobId, "idle").get("id").asString();
        String ghost = Tmux.sessionName("ghost-" + java.util.UUID.randomUUID());
        tmux.newSession(ghost, newWorkDir(), Map.of(), newWorkDir().resolve("ghost.env"), java.util.List.of("sleep", "300"), 80, 24);

        assertThat(reaper.reap()).isGreaterThanOrEqualTo(1);

        assertThat(tmux.hasSession(ghost)).isFalse();
        assertThat(tmux.hasSession(Tmux.sessionName(runId))).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private Tmux tmux;

    @org.springframework.beans.factory.annotation.Autowired
    private SessionReaper reaper;

    @Test
    void aCodexRunHasItsTerminalUiInASessionTooAndGoesIdleThroughItsNotifyHookAndItsRolloutIsRecorded() throws Exception {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.text("Codex in a terminal THETA-1"), ResponseStep.text("Codex again THETA-2"));
        String jobId = createJob(aJob("Codex, talk " + marker).with("model", "codex").with("interactive", true))
                .get("id").asString();

        String runId = awaitRun(jobId, "idle").get("id").asString();
        await().atMost(ANSWER).until(() -> history(runId).contains("THETA-1"));
        try (TerminalClient terminal = TerminalClient.attach(localPort(), runId, 120, 40)) {
            await().atMost(ANSWER).until(() -> terminal.output().contains("THETA-1"));
            terminal.type("once more");
            // Enter only once the text shows: Codex takes an Enter that comes with the text as part of a paste.
            await().atMost(ANSWER).until(() -> history(runId).contains("once more"));
            terminal.type("\r");
            await().atMost(ANSWER).until(() -> history(runId).contains("THETA-2"));
        }
        // Its rollout file is followed: both answers, two turns, the thread's tokens (the fake answers each call with
        // 1,000 input tokens of which 200 cached, and 50 output) and their cost at gpt-5's price.
        await().atMost(ANSWER).untilAsserted(() -> {
            JsonNode run = job(jobId).get("runs").get(0);
            assertThat(run.get("numTurns").asInt()).isEqualTo(2);
            assertThat(run.get("inputTokens").asLong()).isEqualTo(2000);
            assertThat(run.get("outputTokens").asLong()).isEqualTo(100);
        });
        JsonNode run = job(jobId).get("runs").get(0);
        assertThat(run.get("costUsd").asDouble()).isCloseTo((1600 * 1.25 + 400 * 0.125 + 100 * 10) / 1e6, within(1e-9));
        assertThat(run.get("costEstimated").asBoolean()).isTrue();
        String thread = run.get("sessionId").asString();
        try (var rollouts = java.nio.file.Files.walk(ROOT.resolve("codex-home").resolve("sessions"))) {
            assertThat(rollouts.map(p -> p.getFileName().toString())).as("the thread id is the session id, for Continue")
                    .anyMatch(name -> name.startsWith("rollout-") && name.endsWith("-" + thread + ".jsonl"));
        }
        String events = api.get("/api/agents/" + runId + "/output").body().get("events").toString();
        assertThat(events).contains("Codex in a terminal THETA-1").contains("Codex again THETA-2");
        assertThat(api.post("/api/agents/" + runId + "/cancel", null).status()).isEqualTo(200);
        assertThat(awaitJob(jobId, "cancelled").get("runs").get(0).get("agentKind").asString()).isEqualTo("codex");
    }

    @Test
    void theTerminalSocketRefusesAHandshakeFromAForeignPage() {
        var handshake = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + localPort() + "/ws/terminal/any-run?cols=80&rows=24")).GET();
        var refused = api.send(handshake, Map.of("Origin", "http://evil.example", "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("cross-origin request refused");
    }

    @Test
    void theSessionHookRefusesAStrangersToken() {
        var refused = api.post("/api/interactive/hook", Map.of("hook_event_name", "Stop"),
                Map.of("Authorization", "Bearer not-a-token"));
        assertThat(refused.status()).isEqualTo(401);
    }

    private String history(String runId) {
        var response = api.get("/api/agents/" + runId + "/pty-history");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body().get("history").asString();
    }
}

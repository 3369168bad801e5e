package dev.autodev.web.live;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.DebateRequestBuilder;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.workflows.PhaseScripts;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/** The dashboard's live feed: a real STOMP client sees a job run, and the snapshot it loads first. */
class LiveUpdatesTest extends AgentIntegrationTest {

    private final WebSocketStompClient stomp = stompClient();
    private StompSession session;

    @AfterEach
    void disconnect() {
        if (session != null && session.isConnected()) session.disconnect();
        stomp.stop();
    }

    @Test
    void stompClientSeesAJobRunFromQueuedToDoneWithItsOutput() throws Exception {
        Queue<JsonNode> frames = subscribe(new WebSocketHttpHeaders());
        String marker = newMarker();
        MODEL.script(marker, Step.text("Thinking out loud."), Step.text("All done, live."));

        String jobId = createJob(aJob("Be watched " + marker)).get("id").asString();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            // Frames carry the row as it is when they are sent, so quick steps may be folded into one.
            assertThat(jobStatuses(frames, jobId)).last().isEqualTo("done");
            assertThat(messagesOfType(frames, "run").filter(m -> m.get("run").get("jobId").asString().equals(jobId))
                    .map(m -> m.get("run").get("status").asString())).contains("done");
        });
        String runId = job(jobId).get("runs").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> events = messagesOfType(frames, "output")
                    .filter(m -> m.get("runId").asString().equals(runId))
                    .flatMap(m -> m.get("events").valueStream()).toList();
            assertThat(events).extracting(e -> e.get("type").asString()).contains("assistant_text", "result");
            assertThat(events).extracting(e -> e.get("seq").asLong()).doesNotHaveDuplicates().isSorted();
        });
    }

    @Test
    void debatesAndWorkflowsReachTheFeedAsTheirListRowsWhenTheyChange() throws Exception {
        Queue<JsonNode> frames = subscribe(new WebSocketHttpHeaders());
        // The subscription is asynchronous: see a frame arrive before changing what this test watches.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            resetSettings();
            assertThat(messagesOfType(frames, "settings")).isNotEmpty();
        });
        String marker = newMarker();
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        String debateId = api.post("/api/debates", DebateRequestBuilder.aDebate("Live? " + marker)
                .withRounds(1).body()).body().get("id").asString();
        Api.Response workflow = api.post("/api/workflows", Map.of("task", "Live too " + marker, "useWorktree", false,
                "workDir", newWorkDir().toString()));
        assertThat(workflow.status()).as(workflow.text()).isEqualTo(201);
        String workflowId = workflow.body().get("id").asString();

        assertThat(api.post("/api/debates/" + debateId + "/cancel", null).status()).isEqualTo(200);
        assertThat(api.post("/api/workflows/" + workflowId + "/cancel", null).status()).isEqualTo(200);

        // Frames may reach a client out of order (their numbers tell); the newest one has the latest row.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(newestRow(frames, "debate", debateId).get("status").asString()).isEqualTo("cancelled");
            JsonNode row = newestRow(frames, "workflow", workflowId);
            assertThat(row.get("status").asString()).isEqualTo("cancelled");
            assertThat(row.has("milestones")).as("the list's row, with milestones").isTrue();
        });
    }

    /** The row of the given type and id from the highest-numbered frame that carries one. */
    private static JsonNode newestRow(Queue<JsonNode> frames, String type, String id) {
        return List.copyOf(frames).stream().sorted(java.util.Comparator.comparingLong(f -> f.get("version").asLong()))
                .flatMap(f -> f.get("messages").valueStream())
                .filter(m -> m.get("type").asString().equals(type)).map(m -> m.get(type))
                .filter(row -> row.get("id").asString().equals(id))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no " + type + " " + id + " yet"));
    }

    @Test
    void aRunningAgentsTurnsReachTheFeedWhileItWorks() throws Exception {
        Queue<JsonNode> frames = subscribe(new WebSocketHttpHeaders());
        String marker = newMarker();
        Step echo = Step.toolUse("Bash", Map.of("command", "echo step")).afterDelay(Duration.ofMillis(300));
        MODEL.script(marker, echo, echo, echo, Step.text("done").afterDelay(Duration.ofSeconds(3)));

        String jobId = createJob(aJob("Work in turns " + marker)).get("id").asString();

        // While the last model call is still pending, the feed already shows the turns taken so far.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messagesOfType(frames, "run")
                .map(m -> m.get("run"))
                .filter(r -> r.get("jobId").asString().equals(jobId) && r.get("status").asString().equals("running"))
                .map(r -> r.get("numTurns").asInt())).anyMatch(turns -> turns >= 3));
        awaitJob(jobId, "done");
    }

    @Test
    void snapshotHoldsRecentJobsRunsSettingsAndAVersion() {
        Api.Response created = api.post("/api/jobs", Map.of("description", "later", "scheduledAt", "2999-01-01T00:00:00Z"));
        String jobId = created.body().get("id").asString();

        JsonNode snapshot = api.get("/api/live/snapshot").body();

        assertThat(snapshot.get("version").asLong()).isNotNegative();
        assertThat(snapshot.get("jobs").valueStream().map(j -> j.get("id").asString())).contains(jobId);
        assertThat(snapshot.get("totalJobs").asLong()).isPositive();
        assertThat(snapshot.get("runs").isArray()).isTrue();
        assertThat(snapshot.get("pendingQuestions").isArray()).isTrue();
        assertThat(snapshot.get("locks").isArray()).isTrue();
        assertThat(snapshot.get("settings").get("maxConcurrentAgents").asInt()).isEqualTo(20);
        assertThat(api.get("/api/live/snapshot?limit=0").status()).isEqualTo(400);
        api.post("/api/jobs/" + jobId + "/cancel", null);
    }

    @Test
    void olderJobsContinueTheSnapshotsOrderWithTheirRuns() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("/api/jobs", Map.of("description", "older " + i, "scheduledAt", "2999-01-01T00:00:00Z"))
                    .body().get("id").asString());
        }
        // The board holds the newest jobs: asking after the two newest of ours gives the next ones, newest first.
        List<String> newestFirst = api.get("/api/live/snapshot?limit=5").body().get("jobs").valueStream()
                .map(j -> j.get("id").asString()).toList();
        // Jobs made in one millisecond are ordered by id, so only the set is known up front.
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(ids);

        JsonNode page = api.get("/api/live/older-jobs?before=" + newestFirst.get(1) + "&limit=2").body();
        assertThat(page.get("jobs").valueStream().map(j -> j.get("id").asString())).containsExactly(newestFirst.get(2),
                newestFirst.get(3));
        assertThat(page.get("runs").isArray()).isTrue();
        assertThat(page.get("more").asBoolean()).isTrue();
        JsonNode last = api.get("/api/live/older-jobs?before=" + newestFirst.get(3) + "&limit=1").body();
        assertThat(last.get("jobs").valueStream().map(j -> j.get("id").asString())).containsExactly(newestFirst.get(4));

        assertThat(api.get("/api/live/older-jobs?limit=5").status()).isEqualTo(400);
        assertThat(api.get("/api/live/older-jobs?before=" + ids.getFirst() + "&limit=1001").status()).isEqualTo(400);
        assertThat(api.get("/api/live/older-jobs?before=no-such-job").status()).isEqualTo(404);
        ids.forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }

    @Test
    void snapshotVersionCountsTheFramesSent() throws Exception {
        long before = api.get("/api/live/snapshot").body().get("version").asLong();
        Queue<JsonNode> frames = new ConcurrentLinkedQueue<>();
        connect(new WebSocketHttpHeaders()).subscribe(LiveConfig.TOPIC, collectFrames(frames));

        api.put("/api/settings", Map.of("maxConcurrentAgents", 7));

        await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().anyMatch(f -> f.get("version").asLong() > before));
        assertThat(api.get("/api/live/snapshot").body().get("version").asLong()).isGreaterThan(before);
    }

    @Test
    void aWorkflowThatBlocksReachesTheFeedAndTheSnapshotSoTheDashboardCanTellSomeone() throws Exception {
        Queue<JsonNode> frames = subscribe(new WebSocketHttpHeaders());
        String marker = newMarker();
        MODEL.script(PhaseScripts.phase(marker, "assess, cycle 0"), Step.text("slow thought").afterDelay(Duration.ofSeconds(60)));
        Api.Response created = api.post("/api/workflows", Map.of("task", "Blocks " + marker,
                "workDir", newWorkDir().toString(), "useWorktree", false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asString();
        String assess = created.body().get("jobs").get(0).get("id").asString();
        try {
            // Someone cancels the phase's job by hand: the workflow blocks until a person resumes or cancels it.
            assertThat(api.post("/api/jobs/" + assess + "/cancel", null).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messagesOfType(frames, "workflow")
                    .map(m -> m.get("workflow")).filter(w -> w.get("id").asString().equals(id)))
                    .anySatisfy(w -> {
                        assertThat(w.get("status").asString()).isEqualTo("blocked");
                        assertThat(w.get("title").asString()).contains(marker);
                        assertThat(w.get("blockedReason").get("code").asString()).isEqualTo("phase_cancelled");
                    }));
            JsonNode waiting = api.get("/api/live/snapshot").body().get("waitingWorkflows");
            assertThat(waiting.valueStream().filter(w -> w.get("id").asString().equals(id)))
                    .singleElement().satisfies(w -> assertThat(w.get("status").asString()).isEqualTo("blocked"));
        } finally {
            api.post("/api/workflows/" + id + "/cancel", null);
        }
        assertThat(api.get("/api/live/snapshot").body().get("waitingWorkflows").valueStream()
                .map(w -> w.get("id").asString())).doesNotContain(id);
    }

    @Test
    void sameOriginHandshakeIsAccepted() throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setOrigin("http://127.0.0.1:" + localPort());
        assertThat(connect(headers).isConnected()).isTrue();
    }

    @Test
    void crossOriginHandshakeIsRefused() {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setOrigin("http://evil.example");
        assertThatThrownBy(() -> connect(headers)).isInstanceOf(ExecutionException.class);
    }

    private Queue<JsonNode> subscribe(WebSocketHttpHeaders headers) throws Exception {
        Queue<JsonNode> frames = new ConcurrentLinkedQueue<>();
        connect(headers).subscribe(LiveConfig.TOPIC, collectFrames(frames));
        return frames;
    }

    private StompSession connect(WebSocketHttpHeaders headers) throws Exception {
        session = stomp.connectAsync("ws://127.0.0.1:" + localPort() + LiveConfig.ENDPOINT, headers,
                new StompSessionHandlerAdapter() {}).get(10, TimeUnit.SECONDS);
        return session;
    }

    private static StompFrameHandler collectFrames(Queue<JsonNode> frames) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add((JsonNode) payload);
            }
        };
    }

    /** The messages of all frames received so far, in order, that have this type. */
    private static Stream<JsonNode> messagesOfType(Queue<JsonNode> frames, String type) {
        return List.copyOf(frames).stream().flatMap(f -> f.get("messages").valueStream())
                .filter(m -> m.get("type").asString().equals(type));
    }

    private static List<String> jobStatuses(Queue<JsonNode> frames, String jobId) {
        return messagesOfType(frames, "job").map(m -> m.get("job"))
                .filter(j -> j.get("id").asString().equals(jobId)).map(j -> j.get("status").asString()).toList();
    }

    private static WebSocketStompClient stompClient() {
        // Other tests share the server, and a frame of their output can be larger than the WebSocket container's
        // (8 KiB) and the STOMP client's (64 KiB) default limits, which would end this client's session and with it
        // every frame after.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(16 * 1024 * 1024);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setMessageConverter(new JacksonJsonMessageConverter());
        client.setInboundMessageSizeLimit(16 * 1024 * 1024);
        return client;
    }
}

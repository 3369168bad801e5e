package dev.autodev.debates;

import static dev.autodev.testsupport.DebateRequestBuilder.aDebate;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.agents.RunTokens;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * submit_verdict is offered per run: a debate's turn sees it, any other run does not and is refused when it calls
 * it anyway. Checked with the official SDK client on each run's own token, and in what the real Claude Code CLI
 * offers its model.
 */
class DebateToolOfferTest extends AgentIntegrationTest {

    @Autowired
    RunTokens tokens;

    private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();
    private final List<Runnable> cleanUp = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeClientsAndStopRuns() {
        clients.forEach(McpSyncClient::close);
        cleanUp.forEach(Runnable::run);
    }

    @Test
    void aDebateTurnIsOfferedSubmitVerdictAndAnOrdinaryRunIsNot() {
        String marker = newMarker();
        // Both sides and the ordinary job wait on the model, so their runs (and tokens) stay active.
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        String debateId = api.post("/api/debates", aDebate("Offer the tool? " + marker).withRounds(1).body()).body()
                .get("id").asString();
        cleanUp.add(() -> api.post("/api/debates/" + debateId + "/cancel", null));
        String ordinaryJob = createJob(aJob("Not a debate " + marker)).get("id").asString();
        cleanUp.add(() -> api.post("/api/jobs/" + ordinaryJob + "/cancel", null));
        String turnJob = await().atMost(Duration.ofSeconds(30)).until(() -> claudeTurnJob(debateId), id -> id != null);

        // The real Claude Code asked the server for its tools on start: the debate's side got the tool, the job not.
        // (Before the SDK clients below: a token issued for a run replaces the one its CLI was started with.)
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.requestsFor(marker).stream()
                .filter(RecordedRequest::isMainConversation).count() >= 2);
        List<RecordedRequest> turns = MODEL.requestsFor(marker).stream().filter(RecordedRequest::isMainConversation).toList();
        assertThat(turns).filteredOn(r -> r.firstUserText().contains("Not a debate"))
                .singleElement().satisfies(r -> assertThat(toolNames(r)).doesNotContain("mcp__orchestrator__submit_verdict")
                        .contains("mcp__orchestrator__write_note"));
        assertThat(turns).filteredOn(r -> r.firstUserText().contains("Offer the tool?"))
                .singleElement().satisfies(r -> assertThat(toolNames(r)).contains("mcp__orchestrator__submit_verdict"));

        McpSyncClient turn = client(tokens.issue(awaitRun(turnJob, "running").get("id").asString()));
        McpSyncClient ordinary = client(tokens.issue(awaitRun(ordinaryJob, "running").get("id").asString()));

        assertThat(turn.listTools().tools()).extracting(Tool::name).contains("submit_verdict", "write_note");
        assertThat(ordinary.listTools().tools()).extracting(Tool::name).contains("write_note").doesNotContain("submit_verdict");
        CallToolResult refused = ordinary.callTool(new CallToolRequest("submit_verdict",
                Map.of("verdict", "agree", "position", "sneaking in")));
        assertThat(refused.isError()).isTrue();
        assertThat(((TextContent) refused.content().getFirst()).text())
                .isEqualTo("submit_verdict is only for the runs of a debate's turns, and this run is not one");
    }

    private String claudeTurnJob(String debateId) {
        Api.Response view = api.get("/api/debates/" + debateId);
        JsonNode rounds = view.body().path("rounds");
        if (rounds.isEmpty() || rounds.get(0).path("claude").isNull()) return null;
        return rounds.get(0).path("claude").path("jobId").asString(null);
    }

    private static List<String> toolNames(RecordedRequest request) {
        return request.body().path("tools").valueStream().map(t -> t.path("name").asString()).toList();
    }

    private McpSyncClient client(String token) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + localPort())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        clients.add(client);
        client.initialize();
        return client;
    }
}

package dev.autodev.mcp;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodev.agents.RunTokens;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP endpoint as clients see it: the official SDK's client as an independent second implementation of the
 * protocol, a bare JSON-only client the way Codex talks, and plain HTTP for the refusals.
 */
class McpEndpointTest extends AgentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOTH = "application/json, text/event-stream";
    private static final String JSON_ONLY = "application/json";

    @Autowired
    RunTokens tokens;

    @Autowired
    List<McpToolProvider> providers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> jobsToCancel = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeClientsAndStopRuns() {
        clients.forEach(McpSyncClient::close);
        jobsToCancel.forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }

    @Test
    void sdkClientInitializesListsToolsAndCallsAToolAsItsOwnRun() {
        ActiveRun run = startRun();
        McpSyncClient client = client(run.token(), List.of());

        InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("orchestrator");
        assertThat(init.serverInfo().version()).isNotBlank();
        assertThat(init.protocolVersion()).isNotBlank();
        assertThat(init.capabilities().tools()).isNotNull();

        assertThat(client.listTools().tools()).extracting(Tool::name)
                .contains("test_whoami", "test_sleep", "test_refuse", "test_crash");

        CallToolResult result = client.callTool(new CallToolRequest("test_whoami", Map.of()));
        assertThat(result.isError()).isFalse();
        JsonNode caller = JSON.readTree(text(result));
        assertThat(caller.get("run_id").asString()).isEqualTo(run.runId());
        assertThat(caller.get("job_id").asString()).isEqualTo(run.jobId());
    }

    @Test
    void everyFeaturesToolsAreListedWithTheirSchemas() {
        McpSyncClient client = client(startRun().token(), List.of());
        client.initialize();

        List<String> provided = providers.stream().flatMap(p -> p.tools().stream())
                .filter(tool -> tool.audience() == Audience.EVERY_RUN).map(McpTool::name).toList();
        assertThat(client.listTools().tools()).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(provided);
        Tool sleep = client.listTools().tools().stream().filter(t -> t.name().equals("test_sleep")).findFirst().orElseThrow();
        assertThat(sleep.description()).isEqualTo("Blocks for ms milliseconds.");
        assertThat(sleep.inputSchema()).containsEntry("type", "object").containsEntry("required", List.of("ms"));
    }

    @Test
    void aToolOfferedToSomeRunsIsListedForAndCallableByThoseAlone() {
        ActiveRun chosen = startRun();
        ActiveRun other = startRun();
        TestTools.CHOSEN_JOBS.add(chosen.jobId());
        McpSyncClient chosenClient = client(chosen.token(), List.of());
        McpSyncClient otherClient = client(other.token(), List.of());
        chosenClient.initialize();
        otherClient.initialize();

        assertThat(chosenClient.listTools().tools()).extracting(Tool::name).contains("test_chosen_only", "test_whoami");
        assertThat(otherClient.listTools().tools()).extracting(Tool::name).contains("test_whoami").doesNotContain("test_chosen_only");

        assertThat(text(chosenClient.callTool(new CallToolRequest("test_chosen_only", Map.of())))).isEqualTo("{\"chosen\":true}");
        CallToolResult refused = otherClient.callTool(new CallToolRequest("test_chosen_only", Map.of()));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).isEqualTo("test_chosen_only is only for chosen runs, and this run is not one");
    }

    @Test
    void aToolCallBlockingForSecondsCompletesAndReportsProgressMeanwhile() {
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        McpSyncClient client = client(startRun().token(), List.of(progress::add));
        client.initialize();

        long started = System.nanoTime();
        CallToolResult result = client.callTool(new CallToolRequest("test_sleep", Map.of("ms", 3000),
                Map.of("progressToken", "sleep-1")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(result.isError()).isFalse();
        assertThat(text(result)).isEqualTo("{\"slept_ms\":3000}");
        // The test server beats every second (AgentIntegrationTest); Claude Code needs them to keep waiting.
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("sleep-1"));
        assertThat(progress).extracting(ProgressNotification::progress).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void manyBlockedToolCallsWaitAtOnceWithoutQueueingBehindEachOther() {
        String token = startRun().token();
        String group = "gather-" + java.util.UUID.randomUUID();
        // Each call returns once all 50 are inside the tool at the same time (or after 60 s, with fewer): calls that
        // queued behind each other would never all be inside at once.
        String call = """
                {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_gather","arguments":\
                {"group":"%s","count":50,"timeout_ms":60000}}}""".formatted(group);

        // More than Reactor's bounded pool holds on this machine (10 per core), which must not be where tools run.
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 50)
                .mapToObj(i -> http.sendAsync(request(token, i % 2 == 0 ? BOTH : JSON_ONLY, call).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(calls).allSatisfy(c -> assertThat(c.join().body()).contains("\\\"gathered\\\":50"));
    }

    @Test
    void refusalsAndBugsComeBackAsErrorResultsTheModelCanRead() {
        McpSyncClient client = client(startRun().token(), List.of());
        client.initialize();

        CallToolResult refused = client.callTool(new CallToolRequest("test_refuse", Map.of()));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).isEqualTo("refused on purpose");

        CallToolResult crashed = client.callTool(new CallToolRequest("test_crash", Map.of()));
        assertThat(crashed.isError()).isTrue();
        assertThat(text(crashed)).isEqualTo("internal error in test_crash: IllegalStateException: boom");
    }

    @Test
    void aClientThatAcceptsOnlyJsonGetsPlainJsonAnswers() throws Exception {
        ActiveRun run = startRun();

        HttpResponse<String> init = post(run.token(), JSON_ONLY, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"codex-like","version":"0"}}}""");
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        assertThat(init.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode initBody = JSON.readTree(init.body());
        assertThat(initBody.get("id").asInt()).isEqualTo(1);
        assertThat(initBody.at("/result/serverInfo/name").asString()).isEqualTo("orchestrator");
        assertThat(initBody.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");

        HttpResponse<String> initialized = post(run.token(), JSON_ONLY, """
                {"jsonrpc":"2.0","method":"notifications/initialized"}""");
        assertThat(initialized.statusCode()).isEqualTo(202);

        HttpResponse<String> call = post(run.token(), JSON_ONLY, """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_whoami","arguments":{}}}""");
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        assertThat(call.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode callBody = JSON.readTree(call.body());
        assertThat(callBody.get("id").asInt()).isEqualTo(2);
        assertThat(callBody.at("/result/isError").asBoolean()).isFalse();
        assertThat(JSON.readTree(callBody.at("/result/content/0/text").asString()).get("run_id").asString()).isEqualTo(run.runId());
    }

    @Test
    void aClientThatAcceptsEventStreamsGetsToolResultsAsAStream() throws Exception {
        ActiveRun run = startRun();

        HttpResponse<String> call = post(run.token(), BOTH, """
                {"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"test_whoami","arguments":{}}}""");

        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(call.body()).startsWith("event: message\ndata: {").endsWith("\n\n").contains("\"id\":\"a\"").contains(run.runId());
    }

    @Test
    void requestsWithoutTheTokenOfAnActiveRunAreRefused() throws Exception {
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
                 "capabilities":{},"clientInfo":{"name":"intruder","version":"0"}}}""";

        HttpResponse<String> missing = send(HttpRequest.newBuilder(mcpUri()).header("Accept", BOTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(initialize)));
        HttpResponse<String> forged = post("not-a-real-token", BOTH, initialize);

        for (HttpResponse<String> response : List.of(missing, forged)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("unauthorized");
        }
        McpSyncClient client = client("not-a-real-token", List.of());
        assertThatThrownBy(client::initialize).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theTokenOfARunThatHasEndedIsRefused() throws Exception {
        ActiveRun run = startRun();
        assertThat(post(run.token(), JSON_ONLY, ping()).statusCode()).isEqualTo(200);

        api.post("/api/jobs/" + run.jobId() + "/cancel", null);
        awaitJob(run.jobId(), "cancelled");

        assertThat(post(run.token(), JSON_ONLY, ping()).statusCode()).isEqualTo(401);
    }

    @Test
    void messagesThatAreNotJsonRpcAreRefusedWithAParseErrorAndDoNothing() throws Exception {
        ActiveRun run = startRun();
        Map<String, String> refused = Map.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", "not a JSON-RPC message",
                "[1, 2]", "not a JSON-RPC message",
                "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}", "a request id must be a string or a number",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":7}", "\"method\" must be a string",
                "{\"hello\":\"world\"}", "not a JSON-RPC message");

        for (Map.Entry<String, String> message : refused.entrySet()) {
            HttpResponse<String> response = post(run.token(), JSON_ONLY, message.getKey());
            assertThat(response.statusCode()).as(message.getKey()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asInt()).isEqualTo(-32700);
            assertThat(error.get("message").asString()).as(message.getKey()).contains(message.getValue());
        }
        HttpResponse<String> notJson = send(HttpRequest.newBuilder(mcpUri()).header("Authorization", "Bearer " + run.token())
                .header("Accept", JSON_ONLY).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(ping())));
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(notJson.body()).at("/error/message").asString()).isEqualTo("Content-Type must be application/json");
        HttpResponse<String> oldVersion = send(request(run.token(), JSON_ONLY, ping()).header("MCP-Protocol-Version", "1999-01-01"));
        assertThat(oldVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(oldVersion.body()).at("/error/message").asString()).startsWith("unsupported MCP-Protocol-Version 1999-01-01");
        // The endpoint still answers that run's well-formed calls.
        assertThat(post(run.token(), JSON_ONLY, ping()).statusCode()).isEqualTo(200);
    }

    @Test
    void getIsAnsweredWith405BecauseThereIsNoServerStream() throws Exception {
        ActiveRun run = startRun();

        HttpResponse<String> get = send(HttpRequest.newBuilder(mcpUri()).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + run.token()).GET());

        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void realClaudeCodeCallsAToolAsItsOwnRun() {
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("mcp__orchestrator__test_whoami", Map.of()), Step.text("I know who I am."));

        JsonNode job = awaitJob(createJob(aJob("Find out who you are " + marker)).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        String toolResult = MODEL.requestsFor(marker).getLast().lastToolResultText();
        assertThat(toolResult).contains("\"run_id\":\"" + job.get("runs").get(0).get("id").asString() + "\"");
    }

    private record ActiveRun(String jobId, String runId, String token) {}

    /** A real run kept busy by a slow model answer, with a fresh token for it (the CLI's own one stops working). */
    private ActiveRun startRun() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("done waiting").afterDelay(Duration.ofSeconds(120)));
        String jobId = createJob(aJob("Wait around " + marker)).get("id").asString();
        jobsToCancel.add(jobId);
        String runId = awaitRun(jobId, "running").get("id").asString();
        return new ActiveRun(jobId, runId, tokens.issue(runId));
    }

    private McpSyncClient client(String token, List<Consumer<ProgressNotification>> progress) {
        var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + localPort())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .progressConsumers(progress).build();
        clients.add(client);
        return client;
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().getFirst()).text();
    }

    private static String ping() {
        return """
                {"jsonrpc":"2.0","id":7,"method":"ping"}""";
    }

    private URI mcpUri() {
        return URI.create("http://127.0.0.1:" + localPort() + "/mcp");
    }

    private HttpResponse<String> post(String token, String accept, String body) throws IOException, InterruptedException {
        return send(request(token, accept, body));
    }

    private HttpRequest.Builder request(String token, String accept, String body) {
        return HttpRequest.newBuilder(mcpUri()).header("Authorization", "Bearer " + token).header("Accept", accept)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

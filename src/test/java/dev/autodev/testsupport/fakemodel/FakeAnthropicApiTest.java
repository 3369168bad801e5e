package dev.autodev.testsupport.fakemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Proves the fake against the real pinned Claude Code CLI, and its own fallbacks over plain HTTP. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FakeAnthropicApiTest {

    private FakeAnthropicApi api;

    @BeforeEach
    void startFake() {
        api = FakeAnthropicApi.start();
    }

    @AfterEach
    void stopFake() {
        api.close();
    }

    @Nested
    class With_the_real_CLI {

        @TempDir Path scratch;
        RealClaudeCli cli;

        @BeforeEach
        void prepareCli() {
            cli = new RealClaudeCli(api, scratch);
        }

        @Test
        void a_one_step_text_script_ends_in_a_successful_result_with_the_scripted_text_and_usage() {
            api.script("MARKER-TEXT", Step.text("Hello from the fake").withUsage(1234, 56));
            String sessionId = UUID.randomUUID().toString();

            var outcome = cli.run("Say hello MARKER-TEXT", "--max-turns", "5", "--session-id", sessionId);

            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            assertThat(outcome.init().path("session_id").asString()).isEqualTo(sessionId);
            assertThat(outcome.init().path("model").asString()).isEqualTo(RealClaudeCli.MODEL);
            JsonNode result = outcome.result();
            assertThat(result.path("subtype").asString()).isEqualTo("success");
            assertThat(result.path("is_error").asBoolean()).isFalse();
            assertThat(result.path("result").asString()).isEqualTo("Hello from the fake");
            assertThat(result.path("num_turns").asInt()).isEqualTo(1);
            assertThat(result.path("total_cost_usd").asDouble()).isPositive();
            assertThat(result.path("usage").path("input_tokens").asLong()).isEqualTo(1234);
            assertThat(result.path("usage").path("output_tokens").asLong()).isEqualTo(56);
            assertThat(outcome.ofType("assistant")).singleElement()
                    .satisfies(line -> assertThat(line.path("message").path("content").get(0).path("text").asString())
                            .isEqualTo("Hello from the fake"));

            List<RecordedRequest> calls = api.requestsFor("MARKER-TEXT");
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.wantsStream()).isTrue();
                assertThat(call.model()).isEqualTo(RealClaudeCli.MODEL);
                assertThat(call.firstUserText()).contains("Say hello MARKER-TEXT"); // the prompt came in on stdin
            });
            // In -p mode the pinned CLI makes no side calls (titles, token counts), only a HEAD / reachability probe.
            assertThat(api.requests()).filteredOn(r -> !r.isMainConversation())
                    .allSatisfy(r -> assertThat(r.method()).isEqualTo("HEAD"));
        }

        @Test
        void a_tool_use_step_makes_the_CLI_run_the_tool_and_send_its_result_back() throws Exception {
            Path file = cli.workDir().resolve("written-by-tool.txt");
            api.script("MARKER-TOOL",
                    Step.toolUse("Write", Map.of("file_path", file.toString(), "content", "content from the fake")),
                    Step.text("Wrote the file."));

            var outcome = cli.run("Write a file MARKER-TOOL", "--max-turns", "5");

            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            assertThat(file).hasContent("content from the fake");
            assertThat(outcome.result().path("result").asString()).isEqualTo("Wrote the file.");
            assertThat(outcome.result().path("num_turns").asInt()).isEqualTo(2);
            List<RecordedRequest> calls = api.requestsFor("MARKER-TOOL");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).hasToolResult()).isFalse();
            assertThat(calls.get(1).hasToolResult()).isTrue();
            assertThat(calls.get(1).assistantMessageCount()).isEqualTo(1);
        }

        @Test
        void a_resumed_session_sends_the_earlier_conversation_and_continues_the_script() {
            api.script("MARKER-RESUME", Step.text("First answer"), Step.text("Second answer"));
            String sessionId = UUID.randomUUID().toString();
            var first = cli.run("First prompt MARKER-RESUME", "--max-turns", "5", "--session-id", sessionId);
            assertThat(first.exitCode()).as(first.toString()).isZero();

            var second = cli.run("Second prompt", "--max-turns", "5", "--resume", sessionId);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.result().path("result").asString()).isEqualTo("Second answer");
            assertThat(second.result().path("session_id").asString()).isEqualTo(sessionId);
            RecordedRequest resumed = api.requestsFor("MARKER-RESUME").getLast();
            assertThat(resumed.messagesContain("First prompt MARKER-RESUME")).isTrue();
            assertThat(resumed.messagesContain("First answer")).isTrue();
            assertThat(resumed.messagesContain("Second prompt")).isTrue();
            assertThat(resumed.assistantMessageCount()).isEqualTo(1);
        }

        @Test
        void a_rate_limit_answer_makes_the_CLI_fail_at_once_with_the_status_in_its_result() {
            api.script("MARKER-429", Step.error(429, "rate_limit_error", "Slow down, fake limit"));

            var outcome = cli.run("Hit the limit MARKER-429", "--max-turns", "5");

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
            assertThat(api.requestsFor("MARKER-429")).as("asked once, no retry").hasSize(1);
            JsonNode result = outcome.result();
            // The CLI labels an API failure "success" and flags it only by is_error and api_error_status.
            assertThat(result.path("subtype").asString()).isEqualTo("success");
            assertThat(result.path("is_error").asBoolean()).isTrue();
            assertThat(result.path("api_error_status").asInt()).isEqualTo(429);
            assertThat(result.path("result").asString()).contains("429").contains("Slow down, fake limit");
            assertThat(outcome.ofType("assistant")).singleElement()
                    .satisfies(line -> assertThat(line.path("error").asString()).isEqualTo("rate_limit"));
            assertThat(api.requestsFor("MARKER-429")).hasSize(1); // CLAUDE_CODE_MAX_RETRIES=0: no retry
        }

        @ParameterizedTest
        @CsvSource({
                "500, api_error, server_error",
                "529, overloaded_error, server_error",
                "401, authentication_error, authentication_failed"})
        void other_API_errors_fail_the_run_the_same_way(int status, String errorType, String cliError) {
            String marker = "MARKER-ERR-" + status;
            api.script(marker, Step.error(status, errorType, "Fake " + errorType));

            var outcome = cli.run("Fail " + marker, "--max-turns", "5");

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
            JsonNode result = outcome.result();
            assertThat(result.path("is_error").asBoolean()).isTrue();
            assertThat(result.path("api_error_status").asInt()).isEqualTo(status);
            assertThat(result.path("result").asString()).contains("Fake " + errorType);
            assertThat(outcome.ofType("assistant").getLast().path("error").asString()).isEqualTo(cliError);
        }

        @Test
        void a_spent_budget_stops_the_run_after_the_expensive_call() {
            Step expensive = Step.toolUse("Bash", Map.of("command", "echo hi")).withUsage(1_000_000, 20);
            api.script("MARKER-BUDGET", expensive, expensive, expensive);

            var outcome = cli.run("Spend MARKER-BUDGET", "--max-turns", "5", "--max-budget-usd", "0.5");

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
            JsonNode result = outcome.result();
            assertThat(result.path("subtype").asString()).isEqualTo("error_max_budget_usd");
            assertThat(result.path("is_error").asBoolean()).isTrue();
            assertThat(result.path("total_cost_usd").asDouble()).isGreaterThan(0.5);
            assertThat(result.path("errors").toString()).contains("Reached maximum budget");
            assertThat(api.requestsFor("MARKER-BUDGET")).hasSize(1);
        }

        @Test
        void reaching_the_turn_limit_ends_in_an_error_max_turns_result() {
            api.script("MARKER-TURNS", Step.toolUse("Bash", Map.of("command", "echo hi")));

            var outcome = cli.run("Loop MARKER-TURNS", "--max-turns", "1");

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
            JsonNode result = outcome.result();
            assertThat(result.path("subtype").asString()).isEqualTo("error_max_turns");
            assertThat(result.path("is_error").asBoolean()).isTrue();
            assertThat(result.path("terminal_reason").asString()).isEqualTo("max_turns");
            assertThat(outcome.ofType("user")).singleElement() // the tool still ran before the limit hit
                    .satisfies(line -> assertThat(line.toString()).contains("tool_result"));
        }

        @Test
        void several_CLIs_stream_at_once_each_getting_its_own_script() {
            Duration delay = Duration.ofMillis(1500);
            List<String> markers = List.of("MARKER-PAR-A", "MARKER-PAR-B", "MARKER-PAR-C");
            markers.forEach(marker -> api.script(marker, Step.text("answer for " + marker).afterDelay(delay)));

            var running = markers.stream().map(marker -> cli.start("Go " + marker, "--max-turns", "2")).toList();
            var outcomes = running.stream().map(RealClaudeCli.Running::await).toList();

            for (int i = 0; i < markers.size(); i++) {
                assertThat(outcomes.get(i).exitCode()).as(outcomes.get(i).toString()).isZero();
                assertThat(outcomes.get(i).result().path("result").asString())
                        .isEqualTo("answer for " + markers.get(i));
                assertThat(outcomes.get(i).took()).isGreaterThanOrEqualTo(delay);
            }
        }
    }

    @Nested
    class Over_plain_HTTP {

        private final HttpClient http = HttpClient.newHttpClient();
        private final JsonMapper json = JsonMapper.builder().build();

        @Test
        void a_side_call_without_tools_gets_a_whole_OK_message() throws Exception {
            api.script("MARKER-SIDE", Step.toolUse("Bash", Map.of("command", "rm -rf /")));

            var response = post("/v1/messages", """
                    {"model":"claude-haiku-4-5","max_tokens":50,
                      "messages":[{"role":"user","content":"Write a title for MARKER-SIDE"}]}""");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode message = json.readTree(response.body());
            assertThat(message.path("type").asString()).isEqualTo("message");
            assertThat(message.path("model").asString()).isEqualTo("claude-haiku-4-5");
            assertThat(message.path("content").get(0).path("text").asString()).isEqualTo("OK");
            assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
            assertThat(api.requestsFor("MARKER-SIDE")).isEmpty();
            assertThat(api.requests()).singleElement().satisfies(r -> assertThat(r.isMainConversation()).isFalse());
        }

        @Test
        void a_streamed_call_gets_well_framed_SSE_events_in_order() throws Exception {
            api.script("MARKER-SSE", Step.toolUse("Write", Map.of("file_path", "/tmp/x", "content", "é✓")));

            var response = post("/v1/messages?beta=true", conversation("MARKER-SSE", true));

            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            List<String> frames = List.of(response.body().split("\n\n"));
            assertThat(frames).extracting(frame -> frame.substring("event: ".length(), frame.indexOf('\n')))
                    .containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                            "content_block_delta", "content_block_stop", "message_delta", "message_stop");
            StringBuilder partialJson = new StringBuilder();
            for (String frame : frames) {
                JsonNode data = json.readTree(frame.substring(frame.indexOf("\ndata: ") + "\ndata: ".length()));
                partialJson.append(data.path("delta").path("partial_json").asString(""));
                if (data.path("type").asString().equals("message_delta")) {
                    assertThat(data.path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
                    assertThat(data.path("usage").path("output_tokens").asLong()).isEqualTo(20);
                }
                if (data.path("type").asString().equals("message_start")) {
                    assertThat(data.path("message").path("usage").path("input_tokens").asLong()).isEqualTo(100);
                }
            }
            assertThat(json.readTree(partialJson.toString()).path("content").asString()).isEqualTo("é✓");
        }

        @Test
        void steps_run_out_into_the_last_text_step_or_else_done() throws Exception {
            api.script("MARKER-REPEAT", Step.text("again"));
            api.script("MARKER-DONE", Step.toolUse("Bash", Map.of("command", "true")));

            assertThat(textOf(post("/v1/messages", conversation("MARKER-REPEAT", false, 3)))).isEqualTo("again");
            assertThat(textOf(post("/v1/messages", conversation("MARKER-DONE", false, 1)))).isEqualTo("done");
            assertThat(textOf(post("/v1/messages", conversation("MARKER-NONE", false, 0)))).isEqualTo("OK");
        }

        @Test
        void an_error_step_answers_with_its_status_and_an_Anthropic_error_body() throws Exception {
            api.script("MARKER-E", Step.error(529, "overloaded_error", "busy"));

            var response = post("/v1/messages", conversation("MARKER-E", true));

            assertThat(response.statusCode()).isEqualTo(529);
            JsonNode body = json.readTree(response.body());
            assertThat(body.path("type").asString()).isEqualTo("error");
            assertThat(body.path("error").path("type").asString()).isEqualTo("overloaded_error");
            assertThat(body.path("error").path("message").asString()).isEqualTo("busy");
        }

        @Test
        void a_step_after_failing_answers_its_failure_to_the_first_calls_that_reach_it() throws Exception {
            api.script("MARKER-RETRY", Step.text("at last").afterFailing(2, Step.error(429, "rate_limit_error", "slow down")));

            assertThat(post("/v1/messages", conversation("MARKER-RETRY", false)).statusCode()).isEqualTo(429);
            assertThat(post("/v1/messages", conversation("MARKER-RETRY", false)).statusCode()).isEqualTo(429);
            assertThat(textOf(post("/v1/messages", conversation("MARKER-RETRY", false)))).isEqualTo("at last");
            assertThat(textOf(post("/v1/messages", conversation("MARKER-RETRY", false)))).isEqualTo("at last");
        }

        @Test
        void other_paths_and_methods_get_harmless_answers() throws Exception {
            assertThat(post("/v1/messages/count_tokens?beta=true", "{}").body()).contains("input_tokens");
            var get = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/hello")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("{}");
            var head = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(api.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET", "HEAD");
        }

        @Test
        void closing_abandons_a_delayed_answer_at_once() {
            api.script("MARKER-SLOW", Step.text("late").afterDelay(Duration.ofMinutes(5)));
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/messages"))
                            .POST(HttpRequest.BodyPublishers.ofString(conversation("MARKER-SLOW", true))).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !api.requestsFor("MARKER-SLOW").isEmpty());

            api.close();

            // The delayed answer is abandoned rather than awaited: the open request fails instead of being answered.
            assertThat(pending).failsWithin(Duration.ofSeconds(30));
        }

        private HttpResponse<String> post(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String textOf(HttpResponse<String> response) {
            return json.readTree(response.body()).path("content").get(0).path("text").asString();
        }

        private String conversation(String marker, boolean stream) {
            return conversation(marker, stream, 0);
        }

        /** A main-conversation request (it offers a tool) with {@code earlierTurns} assistant turns behind it. */
        private String conversation(String marker, boolean stream, int earlierTurns) {
            var messages = json.createArrayNode();
            messages.addObject().put("role", "user").putArray("content")
                    .addObject().put("type", "text").put("text", "Task " + marker);
            for (int i = 0; i < earlierTurns; i++) {
                messages.addObject().put("role", "assistant").put("content", "turn " + i);
                messages.addObject().put("role", "user").put("content", "go on");
            }
            var body = json.createObjectNode().put("model", "claude-sonnet-4-6").put("stream", stream);
            body.set("messages", messages);
            body.putArray("tools").addObject().put("name", "Bash");
            return body.toString();
        }
    }
}

package dev.autodev.testsupport.fakeopenai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted stand-in for OpenAI's Responses API on 127.0.0.1, for running the real Codex CLI offline as a custom
 * model provider ({@link #codexConfig()}).
 *
 * <p>A script is chosen by a marker: the first script whose marker occurs in a user message of the conversation
 * answers it. The step is the number of model outputs already in the request's {@code input} (every answer holds
 * one output item), so the Nth call of a run gets step N and a resumed thread goes on counting from its history.
 * Past the last step a text step repeats; anything else gives way to "done". Unscripted calls get "OK". Each answer
 * is SSE: {@code response.created}, one {@code response.output_item.done}, {@code response.completed} with usage.
 * Every request is recorded; each is handled on its own virtual thread.
 */
public final class FakeOpenAiApi implements AutoCloseable {

    static final ResponseStep UNSCRIPTED = ResponseStep.text("OK").withUsage(10, 0, 2);
    static final ResponseStep EXHAUSTED = ResponseStep.text("done");
    /** The environment variable the provider config names for the API key. */
    public static final String KEY_VARIABLE = "FAKE_KEY";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, List<ResponseStep>> scripts = new LinkedHashMap<>(); // guarded by itself
    private final List<ResponsesRequest> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    private FakeOpenAiApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fake OpenAI API", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAiApi start() {
        return new FakeOpenAiApi();
    }

    /** The provider's base URL, e.g. {@code http://127.0.0.1:40123/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * The {@code -c} overrides that make Codex use this fake: a custom provider (Codex ignores OPENAI_BASE_URL, and
     * its built-in provider tries WebSockets first) without retries, keyed by {@link #KEY_VARIABLE}.
     */
    public List<String> codexConfig() {
        return providerConfig(",request_max_retries=0,stream_max_retries=0");
    }

    /**
     * The same provider with Codex's own retry settings, as users have them: it retries a failed stream 5 times
     * (printing "Reconnecting... N/5"), e.g. after a 401.
     */
    public List<String> codexConfigWithDefaultRetries() {
        return providerConfig("");
    }

    private List<String> providerConfig(String extra) {
        return List.of("model_provider=fake",
                "model_providers.fake={name=\"fake\",base_url=\"" + baseUrl() + "\",wire_api=\"responses\","
                        + "env_key=\"" + KEY_VARIABLE + "\"" + extra + "}");
    }

    /** Answers conversations that mention {@code marker} in a user message with {@code steps}, in order. */
    public FakeOpenAiApi script(String marker, ResponseStep... steps) {
        if (marker == null || marker.isBlank()) throw new IllegalArgumentException("a marker must not be blank");
        if (steps.length == 0) throw new IllegalArgumentException("a script needs at least one step");
        synchronized (scripts) {
            scripts.put(marker, List.of(steps));
        }
        return this;
    }

    /**
     * Answers conversations that match every one of {@code parts}: a part {@code model=<name>} matches the requested
     * model, any other part must occur in a user message (see {@code FakeAnthropicApi#script(List, Step...)}).
     */
    public FakeOpenAiApi script(List<String> parts, ResponseStep... steps) {
        if (parts.isEmpty() || parts.stream().anyMatch(part -> part == null || part.isBlank())) {
            throw new IllegalArgumentException("parts must not be blank");
        }
        return script(String.join("\u0000", parts), steps);
    }

    public List<ResponsesRequest> requests() {
        return List.copyOf(requests);
    }

    /** The model calls whose user messages contain {@code marker}. */
    public List<ResponsesRequest> requestsFor(String marker) {
        return requests.stream().filter(ResponsesRequest::isResponses)
                .filter(request -> request.userText().contains(marker)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private void handle(HttpExchange exchange) {
        try (exchange) {
            ResponsesRequest request = record(exchange);
            if (!request.isResponses()) {
                writeJson(exchange, 200, json.createObjectNode());
                return;
            }
            ResponseStep step = stepFor(request);
            if (step.delay().isPositive()) Thread.sleep(step.delay());
            if (step.kind() == ResponseStep.Kind.ERROR) writeError(exchange, step);
            else writeStream(exchange, step, request);
        } catch (IOException e) {
            // The client went away mid-answer (a cancelled or killed CLI): nothing left to tell it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: do not answer
        }
    }

    ResponseStep stepFor(ResponsesRequest request) {
        List<ResponseStep> steps = scriptFor(request.userText(), request.model());
        if (steps == null) return UNSCRIPTED;
        int index = request.priorOutputCount();
        if (index < steps.size()) return steps.get(index);
        ResponseStep last = steps.getLast();
        return last.kind() == ResponseStep.Kind.MESSAGE ? last : EXHAUSTED;
    }

    private List<ResponseStep> scriptFor(String userText, String model) {
        synchronized (scripts) {
            for (Map.Entry<String, List<ResponseStep>> entry : scripts.entrySet()) {
                if (dev.autodev.testsupport.fakemodel.FakeAnthropicApi.matches(entry.getKey(), userText, model)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private ResponsesRequest record(HttpExchange exchange) throws IOException {
        // A CLI that sends without end must fail its call, not take the test JVM's heap with it.
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
        });
        JsonNode body;
        try {
            body = bytes.length == 0 ? MissingNode.getInstance() : json.readTree(bytes);
        } catch (JacksonException e) {
            body = MissingNode.getInstance();
        }
        ResponsesRequest request = new ResponsesRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                headers, body);
        requests.add(request);
        return request;
    }

    private void writeStream(HttpExchange exchange, ResponseStep step, ResponsesRequest request) throws IOException {
        String responseId = "resp_" + UUID.randomUUID().toString().replace("-", "");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked: each event leaves on its own
        try (OutputStream out = exchange.getResponseBody()) {
            ObjectNode created = json.createObjectNode();
            created.putObject("response").put("id", responseId).put("model", request.model());
            event(out, "response.created", created);
            ObjectNode done = json.createObjectNode().put("output_index", 0);
            done.set("item", item(step, request));
            event(out, "response.output_item.done", done);
            ObjectNode completed = json.createObjectNode();
            ObjectNode response = completed.putObject("response").put("id", responseId).put("model", request.model());
            ObjectNode usage = response.putObject("usage");
            usage.put("input_tokens", step.inputTokens());
            usage.putObject("input_tokens_details").put("cached_tokens", step.cachedTokens());
            usage.put("output_tokens", step.outputTokens());
            usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
            usage.put("total_tokens", step.inputTokens() + step.outputTokens());
            event(out, "response.completed", completed);
        }
    }

    private ObjectNode item(ResponseStep step, ResponsesRequest request) {
        String id = UUID.randomUUID().toString().replace("-", "");
        if (step.kind() == ResponseStep.Kind.MESSAGE) {
            ObjectNode item = json.createObjectNode().put("type", "message").put("id", "msg_" + id)
                    .put("role", "assistant").put("status", "completed");
            item.putArray("content").addObject().put("type", "output_text").put("text", step.text()).putArray("annotations");
            return item;
        }
        if (step.kind() == ResponseStep.Kind.TOOL_SEARCH) {
            ObjectNode item = json.createObjectNode().put("type", "tool_search_call").put("id", "ts_" + id)
                    .put("call_id", "call_" + id).put("status", "completed").put("execution", "client");
            item.set("arguments", json.valueToTree(step.argumentsFor(request)));
            return item;
        }
        if (step.kind() == ResponseStep.Kind.CUSTOM_TOOL_CALL) {
            return json.createObjectNode().put("type", "custom_tool_call").put("id", "ctc_" + id)
                    .put("call_id", "call_" + id).put("name", step.name()).put("input", step.text())
                    .put("status", "completed");
        }
        ObjectNode item = json.createObjectNode().put("type", "function_call").put("id", "fc_" + id)
                .put("call_id", "call_" + id).put("name", step.name())
                .put("arguments", json.writeValueAsString(step.argumentsFor(request))).put("status", "completed");
        if (step.namespace() != null) item.put("namespace", step.namespace());
        return item;
    }

    private void writeError(HttpExchange exchange, ResponseStep step) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("type", step.errorType()).put("message", step.text()).put("code", step.errorType());
        writeJson(exchange, step.httpStatus(), body);
    }

    private void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void event(OutputStream out, String name, ObjectNode data) throws IOException {
        ObjectNode typed = json.createObjectNode().put("type", name);
        typed.setAll(data);
        out.write(("event: " + name + "\ndata: " + json.writeValueAsString(typed) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

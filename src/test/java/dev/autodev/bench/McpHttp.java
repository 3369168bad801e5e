package dev.autodev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MCP client the way Codex talks to the orchestrator: JSON-RPC over plain {@code java.net.http} POSTs to
 * {@code /mcp} with {@code Accept: application/json}, so every answer is a single JSON body. Each instance has its own
 * {@link HttpClient} and so its own keep-alive connection, like one agent process. Cheaper than the MCP SDK client,
 * which adds Reactor scheduling and an SSE parser on top of the same HTTP client.
 */
final class McpHttp {

    static final String PROTOCOL_VERSION = "2025-06-18";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt, see BenchHttp
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final String token;
    private final String accept;
    private long nextId = 1;

    /** {@code accept} is {@code application/json} for the Codex path, or with {@code text/event-stream} for Claude's. */
    McpHttp(String baseUrl, String token, String accept) {
        this.uri = URI.create(baseUrl + "/mcp");
        this.token = token;
        this.accept = accept;
    }

    McpHttp(String baseUrl, String token) {
        this(baseUrl, token, "application/json");
    }

    /** A tool call's result and when, on {@link System#nanoTime}, its request started and its answer was in. */
    record Call(JsonNode result, long startNanos, long endNanos) {

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }

        /** The tool's answer: the text content, parsed as the JSON the orchestrator's tools return. */
        JsonNode payload() {
            return JSON.readTree(result.at("/content/0/text").asString());
        }
    }

    /** The handshake a real client does first: initialize, then the initialized notification. */
    void initialize() {
        JsonNode init = request("initialize", Map.of("protocolVersion", PROTOCOL_VERSION, "capabilities", Map.of(),
                "clientInfo", Map.of("name", "autodev-bench", "version", "0"))).result();
        if (!init.hasNonNull("protocolVersion")) throw new IllegalStateException("initialize answered " + init);
        int status = post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized")).statusCode();
        if (status != 202) throw new IllegalStateException("notifications/initialized answered HTTP " + status);
    }

    /** JSON-RPC ping: the endpoint's cost (auth, transport, SDK) without any tool. */
    Call ping() {
        return request("ping", Map.of());
    }

    /** Calls a tool; a tool that answers with an error result fails the bench, since its timing would mislead. */
    Call callTool(String name, Map<String, Object> arguments) {
        Call call = request("tools/call", Map.of("name", name, "arguments", arguments));
        if (call.result().path("isError").asBoolean(false)) {
            throw new IllegalStateException(name + " answered an error: " + call.result().at("/content/0/text").asString());
        }
        return call;
    }

    private Call request(String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", nextId++);
        message.put("method", method);
        message.put("params", params);
        long start = System.nanoTime();
        HttpResponse<String> response = post(message);
        long end = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(eventData(response.body()));
        if (body.has("error")) throw new IllegalStateException(method + " answered " + body.get("error"));
        return new Call(body.get("result"), start, end);
    }

    /** A streamed answer ends with one {@code data:} line holding the response; a JSON answer is the body itself. */
    private static String eventData(String body) {
        if (!body.startsWith("event:") && !body.startsWith(":")) return body;
        int data = body.lastIndexOf("\ndata: ");
        if (data < 0) throw new IllegalStateException("event stream without data: " + body);
        int end = body.indexOf('\n', data + 1);
        return body.substring(data + 7, end < 0 ? body.length() : end);
    }

    private HttpResponse<String> post(Map<String, Object> message) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .header("Content-Type", "application/json")
                .header("MCP-Protocol-Version", PROTOCOL_VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST /mcp failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

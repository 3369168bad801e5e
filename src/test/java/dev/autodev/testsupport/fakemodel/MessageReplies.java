package dev.autodev.testsupport.fakemodel;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Step} as a Messages API answer: SSE when streamed, one JSON message otherwise, or an error. */
final class MessageReplies {

    private final ObjectMapper json;

    MessageReplies(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpExchange exchange, Step step, RecordedRequest request) throws IOException {
        if (step.kind() == Step.Kind.ERROR) {
            writeJson(exchange, step.httpStatus(), errorBody(step));
        } else if (request.wantsStream()) {
            writeStream(exchange, step, request.model());
        } else {
            writeJson(exchange, 200, wholeMessage(step, request.model()));
        }
    }

    void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("request-id", newId("req_"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void writeStream(HttpExchange exchange, Step step, String model) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("request-id", newId("req_"));
        exchange.sendResponseHeaders(200, 0); // length 0 = chunked, so each event can go out on its own
        try (OutputStream out = exchange.getResponseBody()) {
            ObjectNode message = messageShell(model);
            message.putObject("usage").put("input_tokens", step.inputTokens()).put("output_tokens", 0);
            event(out, "message_start", object("message_start").set("message", message));
            event(out, "ping", object("ping"));
            ObjectNode start = object("content_block_start").put("index", 0);
            start.set("content_block", emptyBlock(step));
            event(out, "content_block_start", start);
            for (String piece : pieces(blockPayload(step))) {
                ObjectNode delta = object("content_block_delta").put("index", 0);
                if (step.kind() == Step.Kind.TEXT) {
                    delta.putObject("delta").put("type", "text_delta").put("text", piece);
                } else {
                    delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
                }
                event(out, "content_block_delta", delta);
            }
            event(out, "content_block_stop", object("content_block_stop").put("index", 0));
            ObjectNode messageDelta = object("message_delta");
            messageDelta.putObject("delta").put("stop_reason", stopReason(step)).putNull("stop_sequence");
            messageDelta.putObject("usage")
                    .put("output_tokens", step.outputTokens())
                    .put("input_tokens", step.inputTokens());
            event(out, "message_delta", messageDelta);
            event(out, "message_stop", object("message_stop"));
        }
    }

    private JsonNode wholeMessage(Step step, String model) {
        ObjectNode message = messageShell(model);
        ObjectNode block = emptyBlock(step);
        if (step.kind() == Step.Kind.TEXT) {
            block.put("text", step.text());
        } else {
            block.set("input", json.valueToTree(step.toolInput()));
        }
        message.putArray("content").add(block);
        message.put("stop_reason", stopReason(step));
        message.putObject("usage")
                .put("input_tokens", step.inputTokens())
                .put("output_tokens", step.outputTokens());
        return message;
    }

    private JsonNode errorBody(Step step) {
        ObjectNode body = object("error");
        body.putObject("error").put("type", step.errorType()).put("message", step.text());
        return body;
    }

    private ObjectNode messageShell(String model) {
        ObjectNode message = object("message")
                .put("id", newId("msg_"))
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        return message;
    }

    /** The block as content_block_start announces it: text empty, tool input empty (it follows as deltas). */
    private ObjectNode emptyBlock(Step step) {
        if (step.kind() == Step.Kind.TEXT) {
            return object("text").put("text", "");
        }
        ObjectNode block = object("tool_use").put("id", newId("toolu_")).put("name", step.toolName());
        block.putObject("input");
        return block;
    }

    private String blockPayload(Step step) {
        return step.kind() == Step.Kind.TEXT ? step.text() : json.writeValueAsString(step.toolInput());
    }

    private static String stopReason(Step step) {
        return step.kind() == Step.Kind.TOOL_USE ? "tool_use" : "end_turn";
    }

    /**
     * Splits a payload in two so the client has to join deltas, as it must with the real API. The
     * cut never falls inside a surrogate pair, which would not survive JSON encoding.
     */
    static List<String> pieces(String payload) {
        int cut = payload.length() / 2;
        if (cut == 0) {
            return List.of(payload);
        }
        if (Character.isLowSurrogate(payload.charAt(cut))) {
            cut--;
        }
        return cut == 0 ? List.of(payload) : List.of(payload.substring(0, cut), payload.substring(cut));
    }

    private void event(OutputStream out, String name, JsonNode data) throws IOException {
        String frame = "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush(); // each event leaves at once, so a client sees a live stream rather than one burst
    }

    private ObjectNode object(String type) {
        return json.createObjectNode().put("type", type);
    }

    private static String newId(String prefix) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }
}

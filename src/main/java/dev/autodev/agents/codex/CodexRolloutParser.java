package dev.autodev.agents.codex;

import dev.autodev.agents.EventType;
import dev.autodev.agents.FinalResult;
import dev.autodev.agents.JsonLines;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.RunProgress;
import dev.autodev.usage.PriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the rollout file Codex's terminal UI writes ({@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-...-<thread
 * id>.jsonl}): one {@code {"timestamp","type","payload"}} object a line. What the model said and did are the
 * {@code response_item} lines (assistant messages, reasoning, function and custom tool calls and their outputs), the
 * thread's usage so far is each {@code event_msg} of type {@code token_count}, and {@code session_meta} names the
 * thread. Everything else (turn contexts, world state, settings) is the UI's bookkeeping and gives no events.
 *
 * <p>As in exec mode, each model output (a message or a tool call) counts as a turn, the thread id becomes the run's
 * session id, and the cost is estimated from the price table with what earlier runs of the thread recorded
 * ({@code before}) subtracted. A resumed thread appends to its old file: lines older than {@code notBefore} belong to
 * the earlier runs and are skipped.
 */
final class CodexRolloutParser implements OutputParser {

    private final JsonMapper json;
    private final PriceTable prices;
    private final String model;
    private final CodexThreadTotals.Totals before;
    private final Instant notBefore;
    private String threadId;
    private int turns;
    private long inputTokens;
    private long outputTokens;
    private double costUsd;
    private String lastError;

    CodexRolloutParser(JsonMapper json, PriceTable prices, String model, CodexThreadTotals.Totals before, Instant notBefore) {
        this.json = json;
        this.prices = prices;
        this.model = model;
        this.before = before;
        this.notBefore = notBefore;
    }

    @Override
    public List<ParsedEvent> parse(String line) {
        if (line.isBlank()) return List.of();
        Optional<JsonNode> parsed = JsonLines.object(json, line);
        if (parsed.isEmpty()) return List.of(); // a line the UI half wrote, or not ours: the transcript is not output
        JsonNode node = parsed.get();
        JsonNode payload = node.path("payload");
        String type = node.path("type").asString("");
        if (type.equals("session_meta")) return sessionMeta(payload);
        if (notBefore != null && earlier(node.path("timestamp").asString(""))) return List.of();
        return switch (type) {
            case "response_item" -> responseItem(payload);
            case "event_msg" -> eventMessage(payload);
            default -> List.of();
        };
    }

    private boolean earlier(String timestamp) {
        try {
            return Instant.parse(timestamp).isBefore(notBefore);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<ParsedEvent> sessionMeta(JsonNode payload) {
        if (threadId != null) return List.of();
        threadId = payload.path("id").asString(null);
        ObjectNode data = json.createObjectNode();
        data.put("threadId", threadId);
        data.put("model", model);
        data.put("cwd", payload.path("cwd").asString(null));
        return List.of(new ParsedEvent(EventType.SYSTEM, "thread " + threadId + " started", data));
    }

    private List<ParsedEvent> responseItem(JsonNode item) {
        return switch (item.path("type").asString("")) {
            case "message" -> message(item);
            case "reasoning" -> reasoning(item);
            case "function_call", "custom_tool_call", "local_shell_call" -> {
                turns++;
                yield List.of(toolUse(item));
            }
            case "function_call_output", "custom_tool_call_output" -> List.of(toolResult(item));
            default -> List.of();
        };
    }

    private List<ParsedEvent> message(JsonNode item) {
        if (!item.path("role").asString("").equals("assistant")) return List.of(); // the prompt, the guide, context
        StringBuilder text = new StringBuilder();
        for (JsonNode part : item.path("content")) {
            if (part.path("type").asString("").equals("output_text")) text.append(part.path("text").asString(""));
        }
        turns++;
        return List.of(new ParsedEvent(EventType.ASSISTANT_TEXT, text.toString(), null));
    }

    private List<ParsedEvent> reasoning(JsonNode item) {
        List<String> parts = new ArrayList<>();
        for (JsonNode part : item.path("summary")) parts.add(part.path("text").asString(""));
        String text = String.join("\n", parts).strip();
        return text.isEmpty() ? List.of() : List.of(new ParsedEvent(EventType.THINKING, text, null));
    }

    private ParsedEvent toolUse(JsonNode item) {
        String name = item.path("name").asString("");
        ObjectNode data = json.createObjectNode();
        data.put("id", item.path("call_id").asString(item.path("id").asString(null)));
        JsonNode arguments = arguments(item);
        if (name.equals("exec_command") || name.equals("shell") || item.path("type").asString("").equals("local_shell_call")) {
            data.putObject("input").put("command", command(arguments));
            return new ParsedEvent(EventType.TOOL_USE, "shell", data);
        }
        data.set("input", arguments);
        String namespace = item.path("namespace").asString("");
        return new ParsedEvent(EventType.TOOL_USE, namespace.isEmpty() ? name : namespace + "__" + name, data);
    }

    /** A function call's arguments are a JSON string; a custom tool's (apply_patch) input is plain text. */
    private JsonNode arguments(JsonNode item) {
        if (item.has("arguments")) {
            String raw = item.path("arguments").asString("");
            return JsonLines.object(json, raw).orElseGet(() -> json.getNodeFactory().stringNode(raw));
        }
        if (item.has("input")) return json.createObjectNode().put("input", item.path("input").asString(""));
        return item.path("action");
    }

    private static String command(JsonNode arguments) {
        JsonNode cmd = arguments.has("cmd") ? arguments.get("cmd") : arguments.path("command");
        if (cmd.isArray()) {
            List<String> words = new ArrayList<>();
            cmd.forEach(word -> words.add(word.asString("")));
            return String.join(" ", words);
        }
        return cmd.asString("");
    }

    private ParsedEvent toolResult(JsonNode item) {
        JsonNode output = item.path("output");
        String text = output.isString() ? output.asString() : output.path("content").isString()
                ? output.path("content").asString() : output.toString();
        ObjectNode data = json.createObjectNode();
        data.put("toolUseId", item.path("call_id").asString(null));
        data.put("isError", output.path("success").isBoolean() && !output.path("success").asBoolean());
        return new ParsedEvent(EventType.TOOL_RESULT, text, data);
    }

    private List<ParsedEvent> eventMessage(JsonNode event) {
        switch (event.path("type").asString("")) {
            case "token_count" -> usage(event.path("info").path("total_token_usage"));
            case "error" -> {
                lastError = CodexErrors.readable(event.path("message").asString(""));
                return List.of(new ParsedEvent(EventType.ERROR, lastError, null));
            }
            default -> { }
        }
        return List.of();
    }

    /** The thread's totals so far; this run's share is what exceeds the earlier runs'. */
    private void usage(JsonNode total) {
        if (!total.isObject()) return;
        long threadInput = total.path("input_tokens").asLong(0);
        long threadCached = total.path("cached_input_tokens").asLong(0);
        long threadOutput = total.path("output_tokens").asLong(0);
        inputTokens = Math.max(0, threadInput - before.inputTokens());
        outputTokens = Math.max(0, threadOutput - before.outputTokens());
        costUsd = Math.max(0, prices.cost(model, threadInput, threadCached, threadOutput) - before.costUsd());
    }

    @Override
    public RunProgress progress() {
        return new RunProgress(threadId, turns, inputTokens, outputTokens, costUsd, true, null);
    }

    /** A terminal UI has no final summary: its session ends when the person (or a stop) ends it. */
    @Override
    public Optional<FinalResult> result() {
        return Optional.empty();
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}

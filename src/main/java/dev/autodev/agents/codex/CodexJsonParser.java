package dev.autodev.agents.codex;

import dev.autodev.agents.EventType;
import dev.autodev.agents.JsonLines;
import dev.autodev.agents.FinalResult;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.ProviderRetry;
import dev.autodev.agents.RunProgress;
import dev.autodev.usage.PriceTable;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code codex exec --json} lines: {@code thread.started}, {@code turn.started}, {@code item.started} /
 * {@code item.completed} (agent messages, reasoning, shell commands, MCP tool calls, file changes, errors),
 * {@code turn.completed} with the turn's usage, or {@code turn.failed} / {@code error}.
 *
 * <p>The thread id becomes the run's session id (it replaces the placeholder the queue gave the run), so Continue
 * resumes it. Codex reports tokens but no cost; the cost is estimated from the price table. Its usage counts the
 * whole thread, earlier {@code resume}d runs included, so what those runs recorded ({@code before}) is subtracted.
 * Each completed model output (a message or a tool call) counts as a turn.
 *
 * <p>A stream retry ({@link CodexReconnects}) is the run's {@link ProviderRetry} until the model's output goes on or
 * the turn ends.
 */
final class CodexJsonParser implements OutputParser {

    private final JsonMapper json;
    private final Clock clock;
    private final PriceTable prices;
    private final String model;
    private final CodexThreadTotals.Totals before;
    private final Set<String> announcedTools = new HashSet<>();
    private String threadId;
    private int turns;
    private long inputTokens;
    private long outputTokens;
    private double costUsd;
    private String lastMessage;
    private FinalResult result;
    private String lastError;
    private boolean bypassNoticeSeen;
    private ProviderRetry retrying;

    CodexJsonParser(JsonMapper json, Clock clock, PriceTable prices, String model, CodexThreadTotals.Totals before) {
        this.json = json;
        this.clock = clock;
        this.prices = prices;
        this.model = model;
        this.before = before;
    }

    @Override
    public List<ParsedEvent> parse(String line) {
        if (line.isBlank()) return List.of();
        Optional<JsonNode> parsed = JsonLines.object(json, line);
        if (parsed.isEmpty()) return List.of(new ParsedEvent(EventType.RAW, line, null));
        JsonNode node = parsed.get();
        String type = node.path("type").asString("");
        if (endsRetry(type, node)) retrying = null;
        return switch (type) {
            case "thread.started" -> threadStarted(node);
            case "turn.started" -> List.of();
            case "item.started" -> itemStarted(node.path("item"));
            case "item.updated" -> List.of();
            case "item.completed" -> itemCompleted(node.path("item"));
            case "turn.completed" -> turnCompleted(node);
            case "turn.failed" -> turnFailed(node);
            case "error" -> error(node.path("message").asString(""));
            default -> List.of(new ParsedEvent(EventType.RAW, line, node));
        };
    }

    /** The model's output goes on (any item but a warning), or the turn is over: no retry is pending any more. */
    private static boolean endsRetry(String type, JsonNode node) {
        if (type.startsWith("turn.")) return true;
        return type.startsWith("item.") && !node.path("item").path("type").asString("").equals("error");
    }

    private List<ParsedEvent> threadStarted(JsonNode node) {
        threadId = node.path("thread_id").asString(null);
        ObjectNode data = json.createObjectNode();
        data.put("threadId", threadId);
        data.put("model", model);
        return List.of(new ParsedEvent(EventType.SYSTEM, "thread " + threadId + " started", data));
    }

    private List<ParsedEvent> itemStarted(JsonNode item) {
        return switch (item.path("type").asString("")) {
            case "command_execution", "mcp_tool_call" -> List.of(toolUse(item));
            default -> List.of();
        };
    }

    private List<ParsedEvent> itemCompleted(JsonNode item) {
        String type = item.path("type").asString("");
        return switch (type) {
            case "agent_message" -> {
                turns++;
                lastMessage = item.path("text").asString("");
                yield List.of(new ParsedEvent(EventType.ASSISTANT_TEXT, lastMessage, null));
            }
            case "reasoning" -> List.of(new ParsedEvent(EventType.THINKING, item.path("text").asString(""), null));
            case "command_execution", "mcp_tool_call" -> {
                turns++;
                yield announcedTools.contains(item.path("id").asString(""))
                        ? List.of(toolResult(item))
                        : List.of(toolUse(item), toolResult(item));
            }
            case "file_change" -> {
                turns++;
                ObjectNode data = json.createObjectNode();
                data.put("id", item.path("id").asString(null));
                data.set("input", item.path("changes"));
                yield List.of(new ParsedEvent(EventType.TOOL_USE, "apply_patch", data),
                        new ParsedEvent(EventType.TOOL_RESULT, item.path("status").asString(""), resultData(item, false)));
            }
            case "error" -> errorItem(item);
            default -> List.of(new ParsedEvent(EventType.RAW, item.toString(), item));
        };
    }

    /**
     * Codex reports some warnings as error items (e.g. an unknown model); the turn may still succeed. The notice that
     * hook trust is bypassed comes with every run (twice), since the lock hook needs it: one system line, so it counts
     * as no error (completion checks look for errors in the output).
     */
    private List<ParsedEvent> errorItem(JsonNode item) {
        String message = item.path("message").asString("");
        if (!message.startsWith(CodexLockHook.BYPASS_NOTICE)) return List.of(new ParsedEvent(EventType.ERROR, message, item));
        if (bypassNoticeSeen) return List.of();
        bypassNoticeSeen = true;
        return List.of(new ParsedEvent(EventType.SYSTEM, message, item));
    }

    private ParsedEvent toolUse(JsonNode item) {
        String id = item.path("id").asString("");
        announcedTools.add(id);
        ObjectNode data = json.createObjectNode();
        data.put("id", id);
        if (item.path("type").asString("").equals("command_execution")) {
            data.putObject("input").put("command", item.path("command").asString(""));
            return new ParsedEvent(EventType.TOOL_USE, "shell", data);
        }
        String server = item.path("server").asString("");
        data.set("input", item.path("arguments"));
        return new ParsedEvent(EventType.TOOL_USE, "mcp__" + server + "__" + item.path("tool").asString(""), data);
    }

    private ParsedEvent toolResult(JsonNode item) {
        if (item.path("type").asString("").equals("command_execution")) {
            boolean failed = !item.path("exit_code").isNull() && item.path("exit_code").asInt(0) != 0
                    || item.path("status").asString("").equals("failed");
            ObjectNode data = resultData(item, failed);
            data.set("exitCode", item.path("exit_code"));
            return new ParsedEvent(EventType.TOOL_RESULT, item.path("aggregated_output").asString(""), data);
        }
        JsonNode error = item.path("error");
        boolean failed = error.isObject() || item.path("status").asString("").equals("failed");
        String text = failed ? error.path("message").asString("failed") : mcpResultText(item.path("result"));
        return new ParsedEvent(EventType.TOOL_RESULT, text, resultData(item, failed));
    }

    private ObjectNode resultData(JsonNode item, boolean failed) {
        ObjectNode data = json.createObjectNode();
        data.put("toolUseId", item.path("id").asString(null));
        data.put("isError", failed);
        return data;
    }

    /** An MCP result's text items joined, or the structured content when it has no text. */
    private static String mcpResultText(JsonNode result) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : result.path("content")) {
            if (part.has("text")) text.append(part.get("text").asString());
        }
        if (text.isEmpty() && result.has("structured_content")) return result.get("structured_content").toString();
        return text.toString();
    }

    private List<ParsedEvent> turnCompleted(JsonNode node) {
        JsonNode usage = node.path("usage");
        long threadInput = usage.path("input_tokens").asLong(0);
        long threadCached = usage.path("cached_input_tokens").asLong(0);
        long threadOutput = usage.path("output_tokens").asLong(0);
        inputTokens = Math.max(0, threadInput - before.inputTokens());
        outputTokens = Math.max(0, threadOutput - before.outputTokens());
        costUsd = Math.max(0, prices.cost(model, threadInput, threadCached, threadOutput) - before.costUsd());
        if (result == null || !result.isError()) result = new FinalResult(false, "success", lastMessage);
        ObjectNode data = json.createObjectNode();
        data.put("subtype", result.subtype());
        data.put("isError", result.isError());
        data.put("numTurns", turns);
        data.put("costUsd", costUsd);
        data.put("costEstimated", true);
        data.put("model", model);
        data.set("usage", usage);
        return List.of(new ParsedEvent(EventType.RESULT, result.text(), data));
    }

    private List<ParsedEvent> turnFailed(JsonNode node) {
        String message = CodexErrors.readable(node.path("error").path("message").asString(""));
        lastError = message;
        result = new FinalResult(true, "error", message);
        ObjectNode data = json.createObjectNode();
        data.put("subtype", "error");
        data.put("isError", true);
        data.put("numTurns", turns);
        return List.of(new ParsedEvent(EventType.RESULT, message, data));
    }

    private List<ParsedEvent> error(String raw) {
        Optional<ProviderRetry> retry = CodexReconnects.read(raw, clock.instant());
        if (retry.isPresent()) return reconnecting(retry.get());
        retrying = null; // the error that ends the turn: Codex has stopped retrying
        String message = CodexErrors.readable(raw);
        lastError = message;
        return List.of(new ParsedEvent(EventType.ERROR, message, null));
    }

    /**
     * A system event, and not the run's error: the stream often recovers, and an error event would fail the run's
     * {@code no_error_in_output} check. If it does not, Codex reports the final error and a failed turn next.
     */
    private List<ParsedEvent> reconnecting(ProviderRetry retry) {
        retrying = retry;
        ObjectNode data = json.createObjectNode();
        data.put("subtype", "reconnecting");
        if (retry.status() != null) data.put("status", retry.status());
        data.put("error", retry.error());
        data.put("attempt", retry.attempt());
        data.put("maxAttempts", retry.maxAttempts());
        return List.of(new ParsedEvent(EventType.SYSTEM, retry.summary(), data));
    }

    @Override
    public RunProgress progress() {
        return new RunProgress(threadId, turns, inputTokens, outputTokens, costUsd, true, retrying);
    }

    @Override
    public Optional<FinalResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}

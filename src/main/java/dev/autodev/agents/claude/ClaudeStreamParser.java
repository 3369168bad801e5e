package dev.autodev.agents.claude;

import dev.autodev.agents.EventType;
import dev.autodev.agents.JsonLines;
import dev.autodev.agents.FinalResult;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.ProviderRetry;
import dev.autodev.agents.RunProgress;
import dev.autodev.usage.PriceTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Claude Code's {@code --output-format stream-json} lines. Claude prints one {@code assistant} line per
 * content block, each repeating its message's usage, so tokens and turns are counted per message id; the final
 * {@code result} line then replaces the estimates with Claude's own totals. Until it arrives (and for a terminal UI's
 * transcript, which has no result line) the cost is estimated from each message's usage and the price table, by the
 * model the message names: uncached input, cache writes, cache reads and output each at their price.
 *
 * <p>When the provider refuses a call, Claude retries it (10 times by default, backing off up to about 30 s) and
 * prints a {@code system}/{@code api_retry} line before each wait:
 * {@code {"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":573.3,
 * "error_status":401,"error":"authentication_failed",...}}. The latest one is the run's {@link ProviderRetry} until
 * the model answers again (the next {@code assistant} line) or the run's {@code result} arrives.
 */
final class ClaudeStreamParser implements OutputParser {

    private final JsonMapper json;
    private final Clock clock;
    private final PriceTable prices;
    private final String model;
    /** Per message id: uncached input, cache writes, cache reads, output. */
    private final Map<String, long[]> usageByMessage = new LinkedHashMap<>();
    private final Map<String, String> modelByMessage = new LinkedHashMap<>();
    private String sessionId;
    private Integer finalTurns;
    private long[] finalUsage;
    private Double costUsd;
    private FinalResult result;
    private String lastError;
    private ProviderRetry retrying;

    ClaudeStreamParser(JsonMapper json, Clock clock) {
        this(json, clock, null, null);
    }

    /** With {@code prices}, the cost is estimated until Claude reports its own; {@code model} when a message names none. */
    ClaudeStreamParser(JsonMapper json, Clock clock, PriceTable prices, String model) {
        this.json = json;
        this.clock = clock;
        this.prices = prices;
        this.model = model;
    }

    @Override
    public List<ParsedEvent> parse(String line) {
        if (line.isBlank()) return List.of();
        Optional<JsonNode> parsed = JsonLines.object(json, line);
        if (parsed.isEmpty()) return List.of(new ParsedEvent(EventType.RAW, line, null));
        JsonNode node = parsed.get();
        if (node.hasNonNull("session_id")) sessionId = node.get("session_id").asString();
        return switch (node.path("type").asString("")) {
            case "system" -> system(node);
            case "assistant" -> assistant(node);
            case "user" -> user(node);
            case "result" -> result(node);
            default -> List.of(new ParsedEvent(EventType.RAW, line, node));
        };
    }

    private List<ParsedEvent> system(JsonNode node) {
        String subtype = node.path("subtype").asString("");
        if (subtype.equals("init")) {
            ObjectNode data = json.createObjectNode();
            data.put("model", node.path("model").asString(null));
            data.put("cwd", node.path("cwd").asString(null));
            data.set("tools", node.path("tools"));
            data.set("mcpServers", node.path("mcp_servers"));
            return List.of(new ParsedEvent(EventType.SYSTEM, "session " + sessionId + " started", data));
        }
        if (subtype.equals("api_retry")) return apiRetry(node);
        return List.of(new ParsedEvent(EventType.SYSTEM, subtype, node));
    }

    /**
     * A system event, not an error one: most retries succeed, and an error event would fail the run's
     * {@code no_error_in_output} check after the model recovered.
     */
    private List<ParsedEvent> apiRetry(JsonNode node) {
        JsonNode status = node.path("error_status");
        JsonNode max = node.path("max_retries");
        JsonNode delay = node.path("retry_delay_ms");
        retrying = new ProviderRetry(status.isNumber() ? status.asInt() : null, node.path("error").asString(null),
                node.path("attempt").asInt(1), max.isNumber() ? max.asInt() : null,
                delay.isNumber() ? Math.round(delay.asDouble()) : null, clock.instant());
        return List.of(new ParsedEvent(EventType.SYSTEM, retrying.summary(), node));
    }

    private List<ParsedEvent> assistant(JsonNode node) {
        JsonNode message = node.path("message");
        retrying = null; // the model answered (or Claude gave up and reports the error as the answer)
        countUsage(message);
        if (node.hasNonNull("error")) lastError = node.get("error").asString();
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> events.add(new ParsedEvent(EventType.ASSISTANT_TEXT, block.path("text").asString(""), null));
                case "thinking" -> events.add(new ParsedEvent(EventType.THINKING, block.path("thinking").asString(""), null));
                case "tool_use" -> {
                    ObjectNode data = json.createObjectNode();
                    data.put("id", block.path("id").asString(null));
                    data.set("input", block.path("input"));
                    events.add(new ParsedEvent(EventType.TOOL_USE, block.path("name").asString(""), data));
                }
                default -> events.add(new ParsedEvent(EventType.RAW, block.toString(), block));
            }
        }
        return events;
    }

    private void countUsage(JsonNode message) {
        JsonNode usage = message.path("usage");
        if (usage.isMissingNode()) return;
        String id = message.path("id").asString("message-" + usageByMessage.size());
        usageByMessage.put(id, new long[] {usage.path("input_tokens").asLong(0),
                usage.path("cache_creation_input_tokens").asLong(0), usage.path("cache_read_input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0)});
        String named = message.path("model").asString(null);
        if (named != null && !named.isBlank() && !named.startsWith("<")) modelByMessage.put(id, named);
    }

    private static long inputTokens(JsonNode usage) {
        return usage.path("input_tokens").asLong(0)
                + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
    }

    private List<ParsedEvent> user(JsonNode node) {
        List<ParsedEvent> events = new ArrayList<>();
        for (JsonNode block : node.path("message").path("content")) {
            if (!block.path("type").asString("").equals("tool_result")) continue;
            ObjectNode data = json.createObjectNode();
            data.put("toolUseId", block.path("tool_use_id").asString(null));
            data.put("isError", block.path("is_error").asBoolean(false));
            events.add(new ParsedEvent(EventType.TOOL_RESULT, toolResultText(block.path("content")), data));
        }
        return events;
    }

    private static String toolResultText(JsonNode content) {
        if (content.isString()) return content.asString();
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.has("text")) text.append(part.get("text").asString());
        }
        return text.toString();
    }

    private List<ParsedEvent> result(JsonNode node) {
        boolean isError = node.path("is_error").asBoolean(false);
        String subtype = node.path("subtype").asString("");
        String text = node.hasNonNull("result") ? node.get("result").asString() : resultErrors(node);
        result = new FinalResult(isError, subtype, text);
        retrying = null;
        if (isError) lastError = text == null || text.isBlank() ? subtype : text;
        if (node.has("num_turns")) finalTurns = node.get("num_turns").asInt();
        if (node.has("total_cost_usd")) costUsd = node.get("total_cost_usd").asDouble();
        JsonNode usage = node.path("usage");
        if (usage.isObject()) finalUsage = new long[] {inputTokens(usage), usage.path("output_tokens").asLong(0)};
        // A run stopped by its budget reports zero usage but keeps the real figures per model.
        if (finalUsage != null && finalUsage[0] == 0 && finalUsage[1] == 0) finalUsage = modelUsage(node.path("modelUsage"));
        ObjectNode data = json.createObjectNode();
        data.put("subtype", subtype);
        data.put("isError", isError);
        data.put("numTurns", node.path("num_turns").asInt(0));
        data.put("durationMs", node.path("duration_ms").asLong(0));
        data.put("costUsd", costUsd == null ? 0 : costUsd);
        data.set("usage", usage);
        return List.of(new ParsedEvent(EventType.RESULT, text, data));
    }

    private static long[] modelUsage(JsonNode byModel) {
        if (!byModel.isObject() || byModel.isEmpty()) return null;
        long input = 0;
        long output = 0;
        for (JsonNode usage : byModel) {
            input += usage.path("inputTokens").asLong(0) + usage.path("cacheReadInputTokens").asLong(0)
                    + usage.path("cacheCreationInputTokens").asLong(0);
            output += usage.path("outputTokens").asLong(0);
        }
        return new long[] {input, output};
    }

    private static String resultErrors(JsonNode node) {
        JsonNode errors = node.path("errors");
        if (!errors.isArray() || errors.isEmpty()) return null;
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.isString() ? e.asString() : e.toString()));
        return String.join("; ", messages);
    }

    @Override
    public RunProgress progress() {
        long input = 0;
        long output = 0;
        double estimate = 0;
        for (Map.Entry<String, long[]> entry : usageByMessage.entrySet()) {
            long[] usage = entry.getValue();
            input += usage[0] + usage[1] + usage[2];
            output += usage[3];
            if (prices != null) {
                estimate += prices.cost(modelByMessage.getOrDefault(entry.getKey(), model), usage[0], usage[1], usage[2], usage[3]);
            }
        }
        if (finalUsage != null) {
            input = finalUsage[0];
            output = finalUsage[1];
        }
        int turns = finalTurns != null ? finalTurns : usageByMessage.size();
        if (costUsd != null) return new RunProgress(sessionId, turns, input, output, costUsd, retrying);
        return new RunProgress(sessionId, turns, input, output, estimate, prices != null, retrying);
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

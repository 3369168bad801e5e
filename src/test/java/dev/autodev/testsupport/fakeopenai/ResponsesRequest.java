package dev.autodev.testsupport.fakeopenai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One request {@link FakeOpenAiApi} received.
 *
 * @param method  the HTTP method
 * @param path    the path with its query
 * @param headers header names in lower case, first value only
 * @param body    the parsed JSON body; a {@code MissingNode} when there was none
 */
public record ResponsesRequest(String method, String path, Map<String, String> headers, JsonNode body) {

    public ResponsesRequest {
        headers = Map.copyOf(headers);
    }

    /** Whether this is a model call ({@code POST /v1/responses}). */
    public boolean isResponses() {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return "POST".equals(method) && bare.endsWith("/responses");
    }

    public String model() {
        return body.path("model").asString("");
    }

    /** The text of every user message in {@code input}, joined: where scripts look for their marker. */
    public String userText() {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : body.path("input")) {
            if (!"message".equals(item.path("type").asString("")) || !"user".equals(item.path("role").asString(""))) continue;
            for (JsonNode part : item.path("content")) {
                if (part.path("text").isString()) text.append(part.path("text").stringValue()).append('\n');
            }
        }
        return text.toString();
    }

    /** The user messages' texts, oldest first (Codex's environment context among them). */
    public List<String> userMessages() {
        List<String> messages = new ArrayList<>();
        for (JsonNode item : body.path("input")) {
            if (!"message".equals(item.path("type").asString("")) || !"user".equals(item.path("role").asString(""))) continue;
            StringBuilder text = new StringBuilder();
            for (JsonNode part : item.path("content")) text.append(part.path("text").asString(""));
            messages.add(text.toString());
        }
        return messages;
    }

    /**
     * How many model outputs the conversation already holds (assistant messages, function and tool-search calls): the index of
     * the step that answers this request. The fake answers with one output item per call, so this counts calls.
     */
    public int priorOutputCount() {
        int count = 0;
        for (JsonNode item : body.path("input")) {
            String type = item.path("type").asString("");
            if (type.equals("function_call") || type.equals("custom_tool_call") || type.equals("tool_search_call")
                    || type.equals("message") && "assistant".equals(item.path("role").asString(""))) {
                count++;
            }
        }
        return count;
    }

    /** The output of the newest function or custom tool call in the conversation, or "" when no tool has run yet. */
    public String lastFunctionOutput() {
        String last = "";
        for (JsonNode item : body.path("input")) {
            String type = item.path("type").asString("");
            if (type.equals("function_call_output") || type.equals("custom_tool_call_output")) {
                JsonNode output = item.path("output");
                last = output.isString() ? output.stringValue() : output.toString();
            }
        }
        return last;
    }

    /** The names of the tools offered, namespaced ones as {@code namespace__name}. */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        collectTools(body.path("tools"), "", names);
        return names;
    }

    private static void collectTools(JsonNode tools, String prefix, List<String> names) {
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString("");
            if (tool.path("tools").isArray()) collectTools(tool.path("tools"), prefix + name + "__", names);
            else if (!name.isEmpty()) names.add(prefix + name);
            else names.add(prefix + tool.path("type").asString(""));
        }
    }

    /** Whether {@code text} occurs anywhere in the conversation's {@code input} (as serialised JSON). */
    public boolean inputContains(String text) {
        return body.path("input").toString().contains(text);
    }

    @Override
    public String toString() {
        return method + " " + path + " model=" + model() + " input=" + body.path("input").size()
                + " tools=" + body.path("tools").size();
    }
}

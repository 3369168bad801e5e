package dev.autodev.testsupport.fakemodel;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One request that {@link FakeAnthropicApi} received.
 *
 * @param method the HTTP method
 * @param path the request path with its query, e.g. {@code /v1/messages?beta=true}
 * @param headers the request headers, names in lower case, first value only
 * @param body the parsed JSON body; a {@code MissingNode} when there was none or it was not JSON
 * @param receivedAt when the request reached the fake (before its body was read), so a bench can time a CLI's start-up
 *     up to its first model call
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body, Instant receivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * Whether this is a turn of an agent conversation rather than a side call: a Messages call that
     * offers tools. The CLI always sends its tool list with a conversation turn; helper calls
     * (titles, summaries, token counts) carry no tools or go to another path.
     */
    public boolean isMainConversation() {
        return "POST".equals(method) && isMessagesPath() && !body.path("tools").isEmpty();
    }

    /**
     * Whether this is a tool-less Messages call with a conversation: how the orchestrator's small-model questions
     * (Claude Code in print mode with no tools) reach the model.
     */
    public boolean isQuestion() {
        return "POST".equals(method) && isMessagesPath() && body.path("tools").isEmpty()
                && !body.path("messages").isEmpty();
    }

    /** Whether this is a call of the Messages endpoint itself (not {@code count_tokens}). */
    boolean isMessagesPath() {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return bare.equals("/v1/messages");
    }

    /** Whether the caller asked for a streamed (SSE) answer. */
    public boolean wantsStream() {
        return body.path("stream").asBoolean(false);
    }

    /** The model the request named, or {@code claude-sonnet-4-6} when it named none. */
    public String model() {
        JsonNode model = body.path("model");
        return model.isString() ? model.stringValue() : "claude-sonnet-4-6";
    }

    /** The text of the first user message (all its text blocks joined), where scripts look for markers. */
    public String firstUserText() {
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                return textOf(message.path("content"));
            }
        }
        return "";
    }

    /** How many assistant messages the conversation already holds: the index of the step to answer with. */
    public int assistantMessageCount() {
        int count = 0;
        for (JsonNode message : body.path("messages")) {
            if ("assistant".equals(message.path("role").asString(""))) {
                count++;
            }
        }
        return count;
    }

    /** Whether any message carries a {@code tool_result} block, i.e. a tool ran before this call. */
    public boolean hasToolResult() {
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if ("tool_result".equals(block.path("type").asString(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text of the newest {@code tool_result} in the conversation, or "" when no tool has run yet. */
    public String lastToolResultText() {
        String last = "";
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if ("tool_result".equals(block.path("type").asString(""))) {
                    last = textOf(block.path("content"));
                }
            }
        }
        return last;
    }

    /** Whether {@code text} occurs anywhere in the conversation's messages (as serialised JSON). */
    public boolean messagesContain(String text) {
        return body.path("messages").toString().contains(text);
    }

    /** A short form: the whole body is ~100 kB of prompt and tools, far too much for a failure message. */
    @Override
    public String toString() {
        String summary = method + " " + path;
        if (body.isObject()) {
            summary += " model=" + model() + " stream=" + wantsStream() + " tools=" + body.path("tools").size()
                    + " messages=" + body.path("messages").size();
        }
        return summary;
    }

    private static String textOf(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asString("")) && block.path("text").isString()) {
                text.append(block.path("text").stringValue()).append('\n');
            }
        }
        return text.toString();
    }
}

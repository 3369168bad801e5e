package dev.autodev.agents.codex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Codex's error messages into one readable line that names the HTTP status. Codex words them differently by
 * status: a 429 becomes "exceeded retry limit, last status: 429 Too Many Requests" (the body dropped), a 400 is the
 * provider's raw JSON body, a 401 "unexpected status 401 Unauthorized: MESSAGE, url: URL", a 5xx a generic sentence.
 */
final class CodexErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STATUS = Pattern.compile("\\b(?:status:?|status code)\\s+(\\d{3})\\b");

    private CodexErrors() {}

    static String readable(String message) {
        if (message == null || message.isBlank()) return "Codex reported an error without a message";
        String text = fromJsonBody(message.strip());
        Matcher status = STATUS.matcher(text);
        if (status.find() && status.group(1).equals("429") || text.contains("429 Too Many Requests")) {
            return "rate limited by the model provider (HTTP 429): " + text;
        }
        return text;
    }

    /** A provider's error body, {@code {"error":{"message":..,"type":..,"code":..}}}, as "message (type)". */
    private static String fromJsonBody(String message) {
        if (!message.startsWith("{")) return message;
        try {
            JsonNode error = JSON.readTree(message).path("error");
            if (!error.isObject()) return message;
            String text = error.path("message").asString("");
            String type = error.path("type").asString(error.path("code").asString(""));
            if (type.contains("rate_limit")) return "rate limited by the model provider: " + text + " (" + type + ")";
            if (text.isBlank()) return message;
            return type.isBlank() ? text : text + " (" + type + ")";
        } catch (JacksonException e) {
            return message;
        }
    }
}

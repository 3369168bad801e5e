package dev.autodev.agents;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one line of a CLI's JSON-lines output; what is not a JSON object is left for the caller to keep as raw text. */
public final class JsonLines {

    private JsonLines() {}

    public static Optional<JsonNode> object(JsonMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}

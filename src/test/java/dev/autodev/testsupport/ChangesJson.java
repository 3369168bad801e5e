package dev.autodev.testsupport;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Short readings of a {@code GET /api/agents/{id}/changes} answer, for assertions. */
public final class ChangesJson {

    private ChangesJson() {}

    /** Each file as {@code "path status +additions -deletions tracked|untracked"}. */
    public static List<String> files(JsonNode changes) {
        return changes.get("files").valueStream().map(f -> f.get("path").asString() + " " + f.get("status").asString()
                + " +" + f.get("additions").asInt() + " -" + f.get("deletions").asInt()
                + (f.get("untracked").asBoolean() ? " untracked" : " tracked")).toList();
    }

    /** The subjects of the commits since the base, newest first. */
    public static List<String> subjects(JsonNode changes) {
        return changes.get("commits").valueStream().map(c -> c.get("subject").asString()).toList();
    }
}

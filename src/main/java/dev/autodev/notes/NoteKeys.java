package dev.autodev.notes;

import dev.autodev.common.ApiException.BadRequest;

/**
 * What a note key may look like. Keys appear in URLs ({@code /api/notes/results/step1}) and in prompts, so they are
 * kept to plain slash-separated segments: anything a URL would normalise away is refused up front.
 */
final class NoteKeys {

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_VALUE_LENGTH = 1_000_000;

    private NoteKeys() {}

    static String key(String field, String key) {
        if (key == null || key.isBlank()) throw new BadRequest(field, "required, a non-empty key such as results/step1");
        checkCommon(field, key);
        if (key.endsWith("/")) throw new BadRequest(field, "must not end with '/', was '" + key + "'");
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new BadRequest(field, "must not contain an empty segment ('//'), was '" + key + "'");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new BadRequest(field, "must not contain '.' or '..' segments, was '" + key + "'");
            }
        }
        return key;
    }

    /** A prefix may be empty (everything) and may end with '/', but otherwise follows the key rules. */
    static String prefix(String field, String prefix) {
        if (prefix == null || prefix.isEmpty()) return "";
        checkCommon(field, prefix);
        return prefix;
    }

    static String value(String value) {
        if (value == null) throw new BadRequest("value", "required, a string (it may be empty)");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new BadRequest("value", "at most " + MAX_VALUE_LENGTH + " characters, was " + value.length()
                    + "; store large results in a file and note its path");
        }
        return value;
    }

    private static void checkCommon(String field, String text) {
        if (text.length() > MAX_KEY_LENGTH) {
            throw new BadRequest(field, "at most " + MAX_KEY_LENGTH + " characters, was " + text.length());
        }
        if (text.startsWith("/")) throw new BadRequest(field, "must not start with '/', was '" + text + "'");
        if (!text.strip().equals(text)) throw new BadRequest(field, "must not start or end with whitespace");
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest(field, "must not contain control characters");
        }
    }
}

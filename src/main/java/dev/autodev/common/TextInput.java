package dev.autodev.common;

import dev.autodev.common.ApiException.BadRequest;

/** Checks of the free-text fields people send (names, descriptions): what is required, and how long it may be. */
public final class TextInput {

    /** Names show in lists, pickers and switchers; longer ones are a description in the wrong field. */
    public static final int MAX_NAME_CHARS = 200;

    private TextInput() {}

    /** A required name, stripped; 400 naming {@code field} when it is missing, blank or too long. */
    public static String name(String field, String value) {
        return required(field, value, MAX_NAME_CHARS);
    }

    /** A required text, stripped; 400 naming {@code field} when it is missing, blank or longer than {@code max}. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new BadRequest(field, "is required and must not be blank");
        return bounded(field, value.strip(), max);
    }

    /** An optional text: null when absent or blank, else stripped and at most {@code max} characters. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        return bounded(field, value.strip(), max);
    }

    private static String bounded(String field, String value, int max) {
        if (value.length() > max) {
            throw new BadRequest(field, "must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }
}

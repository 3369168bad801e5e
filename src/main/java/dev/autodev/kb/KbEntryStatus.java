package dev.autodev.kb;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an entry may reach prompts. */
public enum KbEntryStatus {
    /** Waiting for a person to approve it (review mode); never injected. */
    PENDING,
    /** In use: injected as memory and found by search_kb. */
    APPROVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KbEntryStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

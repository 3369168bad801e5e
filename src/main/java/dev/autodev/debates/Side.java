package dev.autodev.debates;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two parties of a debate: a Claude model (Claude Code) and a Codex model (Codex CLI). */
public enum Side {
    CLAUDE("Claude"),
    CODEX("Codex");

    private final String displayName;

    Side(String displayName) {
        this.displayName = displayName;
    }

    public Side other() {
        return this == CLAUDE ? CODEX : CLAUDE;
    }

    /** How prompts and the dashboard name the side. */
    public String displayName() {
        return displayName;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The side named {@code value} ({@code claude} or {@code codex}), or null when it names neither. */
    static Side parse(String value) {
        if (value == null) return null;
        for (Side side : values()) {
            if (side.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) return side;
        }
        return null;
    }
}

package dev.autodev.debates;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a side says at the end of a round about where the two sides stand. */
public enum Verdict {
    /** It agrees with the other side's position (or, in round 1, holds a position it expects to be shared). */
    AGREE,
    /** It disagrees. Also what a side that gives no verdict, even when asked once more, is counted as. */
    DISAGREE,
    /** It agrees in part. */
    PARTIAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict named {@code value}, or null when it names none. */
    static Verdict parse(String value) {
        if (value == null) return null;
        for (Verdict verdict : values()) {
            if (verdict.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) return verdict;
        }
        return null;
    }
}

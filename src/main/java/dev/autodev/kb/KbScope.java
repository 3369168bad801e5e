package dev.autodev.kb;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Who an entry is for. */
public enum KbScope {
    /** One project (until jobs carry a project: one repository), e.g. its build quirks. */
    PROJECT,
    /** Every job, e.g. a general pattern. */
    GLOBAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KbScope> parse(String value) {
        if (value == null) return Optional.empty();
        for (KbScope scope : values()) if (scope.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) return Optional.of(scope);
        return Optional.empty();
    }
}

package dev.autodev.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What ends a run besides the agent finishing on its own. */
public enum StopMode {
    /** The CLI stops after maxTurns (or stopValue) turns. */
    TURNS,
    /** The run is stopped once it has spent stopValue US dollars. */
    BUDGET,
    /** The run is stopped after stopValue minutes. */
    TIME,
    /** The agent decides when it is done, with a safety cap on turns. */
    COMPLETION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StopMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.json().equals(value)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(StopMode::json).collect(Collectors.joining(", "));
    }
}

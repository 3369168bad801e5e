package dev.autodev.workflows;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The phases of a workflow's cycles, and what its steps do. */
public enum Phase {
    /** Cycle 0: the implementer studies the repository and writes the plan and the contract. */
    ASSESS,
    /** The reviewer validates the plan (cycle 1) or reviews the latest changes (later cycles). */
    REVIEW,
    /** The implementer takes the top unchecked milestone, commits it and checks it off. */
    IMPLEMENT,
    /** A repair job that writes a missing or empty plan or contract before the phase that needs it. */
    REPAIR,
    /** Push the branch and open the pull request. */
    FINALIZE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> parse(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The role whose model runs this phase. */
    boolean isReview() {
        return this == REVIEW;
    }
}

package dev.autodev.questions;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a question to a person is in its life. The allowed moves are the table in {@link #next()}. */
public enum QuestionStatus implements Lifecycle<QuestionStatus> {
    /** Asked; the agent waits for an answer. */
    PENDING,
    /** A person answered; the agent got the answer. */
    ANSWERED,
    /** Nobody answered in time; the agent was told so and decides on its own. */
    TIMED_OUT,
    /** The asking run ended (or stopped waiting) before an answer came. */
    CANCELLED;

    @Override
    public Set<QuestionStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(ANSWERED, TIMED_OUT, CANCELLED);
            // A late answer is refused rather than stored: the agent has already moved on without it.
            case ANSWERED, TIMED_OUT, CANCELLED -> EnumSet.noneOf(QuestionStatus.class);
        };
    }

    @Override
    public boolean isTerminal() {
        return this != PENDING;
    }

    @JsonValue
    public String json() {
        return wireName();
    }

    public static QuestionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.autodev.debates;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a debate is in its life. The allowed moves are the table in {@link #next()}. */
public enum DebateStatus implements Lifecycle<DebateStatus> {
    /** The two sides are answering rounds (of the current loop). */
    DEBATING,
    /** The rounds are over; the post-action, its review and the refinements run (of the current loop). */
    ACTING,
    /** Finished: the last loop ended with both sides agreeing. */
    CONSENSUS,
    /** Finished: the last loop reached its maximum of rounds without both sides agreeing. */
    DISAGREEMENT,
    /** Finished: a job it needed could not be created, or the post-action (or its review) did not end done. */
    FAILED,
    /** Someone cancelled it; its active jobs were cancelled with it. */
    CANCELLED;

    @Override
    public Set<DebateStatus> next() {
        return switch (this) {
            // DEBATING -> DEBATING is not a move: a new loop starts within the same status.
            case DEBATING -> EnumSet.of(ACTING, CONSENSUS, DISAGREEMENT, FAILED, CANCELLED);
            // ACTING -> DEBATING: the next loop begins.
            case ACTING -> EnumSet.of(DEBATING, CONSENSUS, DISAGREEMENT, FAILED, CANCELLED);
            case CONSENSUS, DISAGREEMENT, FAILED, CANCELLED -> EnumSet.noneOf(DebateStatus.class);
        };
    }

    @Override
    public boolean isTerminal() {
        return next().isEmpty();
    }

    @JsonValue
    public String json() {
        return wireName();
    }

    static DebateStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.autodev.agents;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where one agent process is in its life. The allowed moves are the table in {@link #next()}. */
public enum RunStatus implements Lifecycle<RunStatus> {
    /** Recorded and being launched; no process yet. */
    STARTING,
    /** The process is alive and working. */
    RUNNING,
    /** The agent asked a person something and waits for the answer. */
    WAITING_USER,
    /** An interactive session's agent finished its turn and waits at its prompt for a person to type. */
    IDLE,
    /** The agent finished and reported success. */
    DONE,
    /** The process failed, hit a limit, or could not start. */
    FAILED,
    /** Stopped on request (cancel or requeue). */
    CANCELLED;

    @Override
    public Set<RunStatus> next() {
        return switch (this) {
            case STARTING -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(WAITING_USER, IDLE, DONE, FAILED, CANCELLED);
            case WAITING_USER -> EnumSet.of(RUNNING, DONE, FAILED, CANCELLED);
            case IDLE -> EnumSet.of(RUNNING, DONE, FAILED, CANCELLED);
            case DONE, FAILED, CANCELLED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    @Override
    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    @JsonValue
    public String json() {
        return wireName();
    }

    public static RunStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.autodev.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Set;

/** Where a job is in its life. The allowed moves are the table in {@link #next()}. */
public enum JobStatus implements Lifecycle<JobStatus> {
    /** Waiting for a free slot, its dependencies or its scheduled time. */
    QUEUED,
    /** An agent run is working on it. */
    RUNNING,
    /** The last run succeeded. */
    DONE,
    /** The last run failed, or a dependency failed or was cancelled. */
    FAILED,
    /** Someone cancelled it. */
    CANCELLED;

    @Override
    public Set<JobStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            // Back to QUEUED: a requeue, or a repeating job after a success.
            case RUNNING -> EnumSet.of(DONE, FAILED, CANCELLED, QUEUED);
            // From an end state: RUNNING when someone continues the conversation, QUEUED on requeue.
            case DONE, FAILED, CANCELLED -> EnumSet.of(RUNNING, QUEUED);
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

    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}

package dev.autodev.workflows;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where an autonomous run is in its life. The allowed moves are the table in {@link #next()}. */
public enum WorkflowStatus implements Lifecycle<WorkflowStatus> {
    /** The engine drives it: a phase job is queued or running, or the next one is about to start. */
    RUNNING,
    /** Paused for a person: the plan waits for approval, or the budget is spent. Approve or cancel. */
    WAITING_APPROVAL,
    /** Self-healing gave up; {@code blockedReason} says why and what to do. Resume or cancel. */
    BLOCKED,
    /** Finished: the branch is pushed and the pull request opened (or there was no worktree to push). */
    DONE,
    /** Someone cancelled it; its jobs were stopped and its worktree removed, the branch stays. */
    CANCELLED;

    @Override
    public Set<WorkflowStatus> next() {
        return switch (this) {
            case RUNNING -> EnumSet.of(WAITING_APPROVAL, BLOCKED, DONE, CANCELLED);
            case WAITING_APPROVAL, BLOCKED -> EnumSet.of(RUNNING, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(WorkflowStatus.class);
        };
    }

    @Override
    public boolean isTerminal() {
        return this == DONE || this == CANCELLED;
    }

    @JsonValue
    public String json() {
        return wireName();
    }

    public static WorkflowStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

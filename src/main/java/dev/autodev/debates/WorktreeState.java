package dev.autodev.debates;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.autodev.common.Lifecycle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a debate's own worktree is in its life (debates with {@code useWorktree} only). The allowed moves are the
 * table in {@link #next()}; the branch outlives the worktree in every case.
 */
public enum WorktreeState implements Lifecycle<WorktreeState> {
    /** No worktree: none was asked for, or nothing has acted yet. */
    NONE,
    /** Its place and branch are stored (before git creates them, so a restart finds them); the acting jobs work in it. */
    OPEN,
    /** The acting ended done: what was left is committed, the branch pushed and the pull request opened. */
    PUBLISHED,
    /** The directory is gone (after publishing, or after a failure or cancel); the branch stays. */
    REMOVED;

    @Override
    public Set<WorktreeState> next() {
        return switch (this) {
            case NONE -> EnumSet.of(OPEN);
            // OPEN -> REMOVED: the debate failed or was cancelled, nothing is pushed.
            case OPEN -> EnumSet.of(PUBLISHED, REMOVED);
            case PUBLISHED -> EnumSet.of(REMOVED);
            case REMOVED -> EnumSet.noneOf(WorktreeState.class);
        };
    }

    @Override
    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** True while a directory may exist that the debate has to remove. */
    boolean holdsDirectory() {
        return this == OPEN || this == PUBLISHED;
    }

    @JsonValue
    public String json() {
        return wireName();
    }

    static WorktreeState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

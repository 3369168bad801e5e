package dev.autodev.locks;

import java.util.List;

/**
 * Published after the set of held locks changed and the change is stored, for the dashboard.
 *
 * @param change what happened
 * @param locks  the locks it happened to (as they are now for taken locks, as they were for removed ones)
 */
public record LocksChanged(Change change, List<FileLock> locks) {

    /** Kinds of change. */
    public enum Change {
        /** Taken or refreshed by their run. */
        ACQUIRED,
        /** Released by their run. */
        RELEASED,
        /** Their run ended, so they were dropped. */
        RUN_ENDED,
        /** Released by a person over REST. */
        FORCE_RELEASED,
        /** Their TTL ran out. */
        EXPIRED
    }
}

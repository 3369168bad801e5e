package dev.autodev.kb;

/** Published after a knowledge-base entry is added, changed (edited, approved, merged into) or removed. */
public record KbChanged(String entryId, Change change) {

    /** What happened to the entry. */
    public enum Change {
        /** A new entry (written by a person or kept by triage). */
        ADDED,
        /** Its text, tags, scope or status changed. */
        CHANGED,
        /** Deleted, by a person or folded into another entry by consolidation. */
        REMOVED
    }
}

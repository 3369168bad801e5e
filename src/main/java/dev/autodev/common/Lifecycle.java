package dev.autodev.common;

import java.util.Set;

/**
 * A lifecycle state that knows which states may follow it. Enums implement this with one table of allowed moves,
 * so an illegal move is refused in one place instead of being prevented by scattered if-statements.
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The states this one may move to. */
    Set<S> next();

    /** True when nothing more happens without a person asking (continue, retry, requeue). */
    boolean isTerminal();

    default boolean canMoveTo(S target) {
        return next().contains(target);
    }

    /** The lowercase name used in JSON, SQL and URLs. */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT);
    }
}

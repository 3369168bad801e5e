package dev.autodev.debates;

import java.util.Locale;

/** What a debate's job is for. */
enum Stage {
    /** One side's answer in one round. */
    TURN,
    /** The chosen side acts on the conclusion. */
    POST_ACTION,
    /** The other side reviews what the post-action did. */
    REVIEW,
    /** The implementer answers the review with refinements. */
    REFINE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Stage fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package dev.autodev.common;

import java.util.UUID;

/** Identifiers for jobs and runs: random, so they can be handed out before anything is stored. */
public final class Ids {

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}

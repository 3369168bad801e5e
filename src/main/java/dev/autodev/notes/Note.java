package dev.autodev.notes;

import java.time.Instant;

/**
 * One entry of the shared scratchpad.
 *
 * @param key            namespaced with slashes, e.g. {@code results/step1}
 * @param writtenByRunId the run that wrote it last, or null when a person or the server did
 */
public record Note(String key, String value, String writtenByRunId, Instant updatedAt) {}

package dev.autodev.templates;

import java.time.Instant;

/**
 * A reusable prompt skeleton. A job that uses one gets {@code content} before its description as a
 * {@code ## Guidelines} section; the defaults fill a job's model and work dir when it names none.
 */
public record Template(String id, String name, String content, String defaultModel, String defaultWorkDir,
                       Instant createdAt, Instant updatedAt) {}

package dev.autodev.kb;

import java.util.List;

/**
 * An entry as a person or triage submits it. For an update, absent fields keep their value.
 *
 * @param scope   {@code project} or {@code global}
 * @param project the project key, or a directory inside the project (resolved like a job's work dir); required for
 *                {@code project} entries
 */
public record NewKbEntry(String title, String content, List<String> tags, String scope, String project) {}

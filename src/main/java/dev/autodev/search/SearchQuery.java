package dev.autodev.search;

import java.time.Instant;

/**
 * What a person searches run output for.
 *
 * @param text      an FTS5 query: words, {@code "a phrase"}, {@code prefix*}, {@code AND}/{@code OR}/{@code NOT}
 * @param jobId     only output of this job's runs, or null
 * @param projectId only output of the runs of this project's jobs, or null
 * @param type      only events of this type ({@code assistant_text}, {@code tool_use}, ...), or null
 * @param from      only events at or after this time, or null
 * @param to        only events before this time, or null
 * @param page      zero-based page of {@code size} results, best match first
 */
public record SearchQuery(String text, String jobId, String projectId, String type, Instant from, Instant to,
                          int page, int size) {}

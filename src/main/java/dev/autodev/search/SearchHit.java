package dev.autodev.search;

import java.time.Instant;

/**
 * One event that matched, with where to find it: the dashboard opens run {@code runId}'s output at {@code seq}.
 *
 * @param snippet  the matching part of the event's text, the matched words between {@code <mark>} and
 *                 {@code </mark>}; everything else in it is plain text (HTML special characters escaped)
 * @param score    bm25 relevance, lower is better (SQLite's convention)
 */
public record SearchHit(String runId, long seq, String jobId, String jobTitle, String type, Instant createdAt,
                        String snippet, double score) {}

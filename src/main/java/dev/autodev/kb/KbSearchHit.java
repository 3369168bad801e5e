package dev.autodev.kb;

/**
 * One search result.
 *
 * @param snippet the best-matching part of the entry with the matched words in {@code [[...]]}
 * @param rank    bm25 relevance; lower is better
 */
public record KbSearchHit(KbEntry entry, String snippet, double rank) {}

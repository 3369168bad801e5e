package dev.autodev.search;

import java.util.List;

/**
 * A page of search hits, best first; {@code hasMore} says whether the next page has any.
 *
 * @param rankWindow how many of the newest matches were ranked at most
 * @param capped     true when more events match than that: the hits are the best of the newest {@code rankWindow}
 *                   matches, and older matches show only for a narrower query (more words, a job, dates)
 */
public record SearchResults(String query, int page, int size, boolean hasMore, List<SearchHit> hits, int rankWindow,
                            boolean capped) {}

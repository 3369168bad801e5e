package dev.autodev.search;

import java.util.List;

/** A page of search hits, best first; {@code hasMore} says whether the next page has any. */
public record SearchResults(String query, int page, int size, boolean hasMore, List<SearchHit> hits) {}

package dev.autodev.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How output search ranks.
 *
 * @param rankWindow how many of the newest matches bm25 ranks (default 2,000). A query matching more (a word in
 *                   most output) is ranked among its newest matches only, so its cost stays bounded however much
 *                   output there is; the answer says so ({@code capped}), and narrowing the query or the dates
 *                   reaches older matches.
 */
@ConfigurationProperties("autodev.search")
public record SearchProperties(Integer rankWindow) {

    public SearchProperties {
        if (rankWindow == null) rankWindow = 2_000;
        if (rankWindow < 1) throw new IllegalArgumentException("autodev.search.rank-window must be at least 1, was " + rankWindow);
    }
}

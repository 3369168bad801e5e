package dev.autodev.common;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts read by one query and reused for a moment, so a scrape that reads several gauges of one family runs the
 * query once rather than once per gauge. A failed read keeps the last counts (a gauge must not throw).
 */
public final class CachedCounts {

    private final Supplier<Map<String, Long>> query;
    private final Clock clock;
    private final long maxAgeMillis;
    private Map<String, Long> counts = Map.of();
    private long readAt = Long.MIN_VALUE;

    public CachedCounts(Supplier<Map<String, Long>> query, Clock clock, Duration maxAge) {
        this.query = query;
        this.clock = clock;
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** The count for {@code key}, 0 when the query found none. */
    public synchronized long get(String key) {
        long now = clock.millis();
        if (readAt == Long.MIN_VALUE || now - readAt >= maxAgeMillis || now < readAt) {
            try {
                counts = query.get();
            } catch (RuntimeException e) {
                // keep the last counts; the next scrape tries again
            }
            readAt = now;
        }
        return counts.getOrDefault(key, 0L);
    }
}

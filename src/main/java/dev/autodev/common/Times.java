package dev.autodev.common;

import java.time.Instant;

/** The database stores times as epoch milliseconds; these convert at the edges. */
public final class Times {

    private Times() {}

    public static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    public static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}

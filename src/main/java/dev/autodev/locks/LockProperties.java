package dev.autodev.locks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * File lock defaults.
 *
 * @param defaultTtl     how long a lock lasts when the agent names no TTL (10 minutes); an expired lock is free
 * @param maxTtl         the longest TTL an agent may ask for (2 hours), so a forgotten lock frees itself eventually
 * @param defaultTimeout how long {@code lock_files} waits for busy files when the agent names no timeout (60 s)
 * @param maxTimeout     the longest one call may wait (100 s): Codex's MCP client gives up on a call at about 120 s,
 *                       so a longer wait would be lost; the agent gets {@code timed_out} and calls again instead
 */
@ConfigurationProperties("autodev.locks")
public record LockProperties(Duration defaultTtl, Duration maxTtl, Duration defaultTimeout, Duration maxTimeout) {

    public LockProperties {
        if (defaultTtl == null || !defaultTtl.isPositive()) defaultTtl = Duration.ofMinutes(10);
        if (maxTtl == null || !maxTtl.isPositive()) maxTtl = Duration.ofHours(2);
        if (defaultTimeout == null || defaultTimeout.isNegative()) defaultTimeout = Duration.ofSeconds(60);
        if (maxTimeout == null || maxTimeout.isNegative()) maxTimeout = Duration.ofSeconds(100);
    }

    /** The TTL to use for a request: the default when none was named, never more than the maximum. */
    Duration ttl(Duration requested) {
        Duration ttl = requested == null || !requested.isPositive() ? defaultTtl : requested;
        return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
    }

    /** The wait to use for a request: the default when none was named, zero at least, the maximum at most. */
    Duration timeout(Duration requested) {
        Duration timeout = requested == null ? defaultTimeout : requested.isNegative() ? Duration.ZERO : requested;
        return timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
    }
}

package dev.autodev.agents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Agent CLIs started ahead of their runs ({@link WarmStarts}).
 *
 * @param max         how many may wait at once, each for its own shape of run (0 turns warm starts off)
 * @param idleTimeout how long one may wait unused before it is stopped
 */
@ConfigurationProperties("autodev.agents.warm-starts")
public record WarmStartProperties(Integer max, Duration idleTimeout) {

    public WarmStartProperties {
        if (max == null) max = 1;
        if (max < 0) throw new IllegalArgumentException("autodev.agents.warm-starts.max must not be negative");
        if (idleTimeout == null) idleTimeout = Duration.ofMinutes(10);
        if (!idleTimeout.isPositive()) {
            throw new IllegalArgumentException("autodev.agents.warm-starts.idle-timeout must be positive");
        }
    }
}

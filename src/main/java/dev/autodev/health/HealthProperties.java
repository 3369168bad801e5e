package dev.autodev.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a run gets a health warning.
 *
 * @param stalledAfter     no output for this long (default 10 minutes)
 * @param longRunningAfter running for longer than this (default 60 minutes)
 * @param nearLimitRatio   share of a cap (turns, budget, time) at which a run is warned it is close (default 0.8)
 */
@ConfigurationProperties("autodev.health")
public record HealthProperties(Duration stalledAfter, Duration longRunningAfter, Double nearLimitRatio) {

    public HealthProperties {
        if (stalledAfter == null) stalledAfter = Duration.ofMinutes(10);
        if (longRunningAfter == null) longRunningAfter = Duration.ofMinutes(60);
        if (nearLimitRatio == null || nearLimitRatio <= 0 || nearLimitRatio > 1) nearLimitRatio = 0.8;
    }
}

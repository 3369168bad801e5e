package dev.autodev.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dispatcher looks for work.
 *
 * @param sweepInterval a safety net: dispatch is driven by events, and this periodic pass only catches anything an
 *                      event could not (default 2 s)
 * @param batchSize     how many due jobs one dispatch pass looks at
 */
@ConfigurationProperties("autodev.queue")
public record QueueProperties(Duration sweepInterval, int batchSize) {

    public QueueProperties {
        if (sweepInterval == null) sweepInterval = Duration.ofSeconds(2);
        if (batchSize < 1) batchSize = 500;
    }
}

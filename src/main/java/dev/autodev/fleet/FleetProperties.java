package dev.autodev.fleet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The windows the fleet views show when the request names none.
 *
 * @param timelineWindow how far back {@code GET /api/timeline} looks without {@code from} (default 24 h)
 * @param graphWindow    how far back {@code GET /api/graph} looks without {@code since} (default 7 days)
 */
@ConfigurationProperties("autodev.fleet")
public record FleetProperties(Duration timelineWindow, Duration graphWindow) {

    public FleetProperties {
        if (timelineWindow == null) timelineWindow = Duration.ofHours(24);
        if (graphWindow == null) graphWindow = Duration.ofDays(7);
    }
}

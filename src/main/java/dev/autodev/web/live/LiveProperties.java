package dev.autodev.web.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's live feed.
 *
 * @param flushInterval  how long changes are gathered before they go out as one message (default 100 ms), so a
 *                       burst from many streaming agents reaches the browser as a few frames instead of thousands
 * @param maxOutputBatch at most this many output events of one run per frame (default 200); the frame says
 *                       {@code more} and the browser reads the rest over REST
 * @param snapshotJobs   how many of the newest jobs the snapshot holds unless the client asks for another number
 *                       (default 2000)
 */
@ConfigurationProperties("autodev.live")
public record LiveProperties(Duration flushInterval, Integer maxOutputBatch, Integer snapshotJobs) {

    public LiveProperties {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) flushInterval = Duration.ofMillis(100);
        if (maxOutputBatch == null || maxOutputBatch < 1) maxOutputBatch = 200;
        if (snapshotJobs == null || snapshotJobs < 1) snapshotJobs = 2000;
    }
}

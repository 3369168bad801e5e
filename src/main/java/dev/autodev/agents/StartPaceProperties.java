package dev.autodev.agents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast agent processes are started. A CLI spends its first half second or so of CPU starting up; twenty of them
 * starting at once on two cores thrash, and every one reaches its first model call late. Starts are admitted at the
 * pace the CPUs absorb instead; {@code maxConcurrentAgents} still caps the runs alive at once.
 *
 * @param maxStarting how many agent CLIs may be in start-up at once (MAX_STARTING_AGENTS); 0 means the number of
 *                    processors this JVM sees, a negative value means no limit
 * @param bound       the longest a run holds its start slot: a CLI that prints nothing for this long (a slow MCP
 *                    handshake, a hung start) lets the next one start anyway
 * @param apiYield    the longest a start waits for the API requests in flight to be answered (0: no wait), so a
 *                    burst of POSTs is answered before the CLIs it made take the CPU
 */
@ConfigurationProperties("autodev.agents.start-pace")
public record StartPaceProperties(Integer maxStarting, Duration bound, Duration apiYield) {

    public StartPaceProperties {
        if (maxStarting == null || maxStarting == 0) maxStarting = Runtime.getRuntime().availableProcessors();
        if (bound == null) bound = Duration.ofSeconds(5);
        if (apiYield == null) apiYield = Duration.ofMillis(50);
        if (apiYield.isNegative()) throw new IllegalArgumentException("autodev.agents.start-pace.api-yield must not be negative");
    }

    boolean unlimited() {
        return maxStarting < 0;
    }
}

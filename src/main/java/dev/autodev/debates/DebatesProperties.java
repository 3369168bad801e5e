package dev.autodev.debates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How debates run.
 *
 * @param defaultCodexModel the Codex model a debate names none uses (default {@code codex}: the configured Codex default)
 * @param sweepInterval     a safety net: the engine wakes on job changes, and this periodic pass catches anything
 *                          an event could not (default 2 s)
 * @param maxQuotedChars    how much of another answer a prompt quotes at most (default 10,000 characters)
 */
@ConfigurationProperties("autodev.debates")
public record DebatesProperties(String defaultCodexModel, Duration sweepInterval, int maxQuotedChars) {

    public DebatesProperties {
        if (defaultCodexModel == null || defaultCodexModel.isBlank()) defaultCodexModel = "codex";
        if (sweepInterval == null) sweepInterval = Duration.ofSeconds(2);
        if (maxQuotedChars < 1) maxQuotedChars = 10_000;
    }
}

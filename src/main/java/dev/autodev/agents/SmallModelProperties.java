package dev.autodev.agents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The small model the system asks its own one-off questions (memory triage, model classification, knowledge-base
 * consolidation). It runs through the Claude Code CLI like any job, so the user's Claude login is all it needs.
 *
 * @param model         the model asked (default {@code claude-haiku-4-5})
 * @param timeout       how long one question may take before the answer is given up and the caller's safe
 *                      default applies (default 90 s; the CLI's own start-up takes a few seconds)
 * @param maxConcurrent how many questions run at once (default 2), so a burst of ending jobs cannot crowd out agents
 */
@ConfigurationProperties("autodev.small-model")
public record SmallModelProperties(String model, Duration timeout, Integer maxConcurrent) {

    public SmallModelProperties {
        if (model == null || model.isBlank()) model = "claude-haiku-4-5";
        if (timeout == null || !timeout.isPositive()) timeout = Duration.ofSeconds(90);
        if (maxConcurrent == null || maxConcurrent < 1) maxConcurrent = 2;
    }
}

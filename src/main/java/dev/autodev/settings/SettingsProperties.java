package dev.autodev.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for settings nobody has saved yet.
 *
 * @param maxConcurrentAgents how many runs may be active at once until someone changes it (default 20)
 */
@ConfigurationProperties("autodev.settings")
public record SettingsProperties(Integer maxConcurrentAgents) {

    public SettingsProperties {
        if (maxConcurrentAgents == null || maxConcurrentAgents < 1) maxConcurrentAgents = 20;
    }
}

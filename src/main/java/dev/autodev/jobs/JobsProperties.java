package dev.autodev.jobs;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for jobs created without them.
 *
 * @param defaultModel   model used when a job names none (DEFAULT_MODEL)
 * @param defaultWorkDir work dir used when a job names none; blank means the server's working directory
 */
@ConfigurationProperties("autodev.jobs")
public record JobsProperties(String defaultModel, String defaultWorkDir) {

    public JobsProperties {
        if (defaultModel == null || defaultModel.isBlank()) defaultModel = "claude-sonnet-4-6";
        Path dir = defaultWorkDir == null || defaultWorkDir.isBlank() ? Path.of("") : Path.of(defaultWorkDir);
        defaultWorkDir = dir.toAbsolutePath().normalize().toString();
    }
}

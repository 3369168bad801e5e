package dev.autodev.backups;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Automatic database backups.
 *
 * @param enabled  take backups on a schedule (default true)
 * @param interval time between backups (default 1 hour); the first is taken one interval after start
 * @param keep     how many backups to keep; older ones are deleted (default 24)
 * @param dir      where backups go (default data/backups)
 */
@ConfigurationProperties("autodev.backups")
public record BackupProperties(Boolean enabled, Duration interval, Integer keep, Path dir) {

    public BackupProperties {
        if (enabled == null) enabled = true;
        if (interval == null || !interval.isPositive()) interval = Duration.ofHours(1);
        if (keep == null || keep < 1) keep = 24;
        dir = (dir == null ? Path.of("data", "backups") : dir).toAbsolutePath().normalize();
    }
}

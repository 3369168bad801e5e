package dev.autodev.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database lives.
 *
 * @param dbPath         the SQLite file (DB_PATH, default data/orchestrator.db); created and migrated on first start
 * @param readerPoolSize connections for readers; WAL lets them read while the single writer writes
 */
@ConfigurationProperties("autodev.storage")
public record StorageProperties(Path dbPath, int readerPoolSize) {

    public StorageProperties {
        dbPath = (dbPath == null ? Path.of("data", "orchestrator.db") : dbPath).toAbsolutePath().normalize();
        if (readerPoolSize < 1) readerPoolSize = 4;
    }
}

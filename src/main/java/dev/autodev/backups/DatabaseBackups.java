package dev.autodev.backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Copies the live database with SQLite's online backup API, which reads a consistent snapshot page by page while
 * the server keeps writing; copying the file itself could catch it half-written, and would miss what still sits
 * in the WAL. Keeps the newest {@link BackupProperties#keep()} backups.
 */
@Service
public class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'orchestrator-'yyyyMMdd-HHmmss-SSS'.db'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final Clock clock;

    DatabaseBackups(DataSource dataSource, BackupProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${autodev.backups.interval:1h}", initialDelayString = "${autodev.backups.interval:1h}")
    void scheduled() {
        if (!properties.enabled()) return;
        try {
            Path backup = backupNow();
            log.info("database backed up to {}", backup);
        } catch (Exception e) {
            log.error("database backup failed; the next one retries", e);
        }
    }

    /** Takes a backup now and returns its file. */
    public synchronized Path backupNow() {
        try {
            Files.createDirectories(properties.dir());
            Path target = properties.dir().resolve(NAME.format(clock.instant())).toAbsolutePath();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                // sqlite-jdbc's own statement for the online backup API (sqlite3_backup_*).
                statement.executeUpdate("backup to '" + target.toString().replace("'", "''") + "'");
            }
            prune();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /** Backups on disk, newest first. */
    public List<Path> list() {
        if (!Files.isDirectory(properties.dir())) return List.of();
        try (Stream<Path> files = Files.list(properties.dir())) {
            return files.filter(f -> f.getFileName().toString().matches("orchestrator-.*\\.db"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> backups = list();
        for (Path old : backups.subList(Math.min(properties.keep(), backups.size()), backups.size())) {
            Files.deleteIfExists(old);
        }
    }
}

package dev.autodev.common;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQLite allows one writer at a time, so all writes share a single connection (callers queue for it instead of
 * failing with SQLITE_BUSY), while readers get their own small pool and, thanks to WAL, never wait for the writer.
 * Both hand out connections in the order callers asked ({@link FairDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class SqliteConfig {

    private static final long READER_MMAP_BYTES = 1L << 30;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    DataSource dataSource(StorageProperties storage) {
        return new FairDataSource(pool(storage, "sqlite-writer", 1, Map.of()));
    }

    @Bean
    @Primary
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean(destroyMethod = "close")
    ReadOnlyDataSource readOnlyDataSource(StorageProperties storage) {
        // Readers map the file instead of copying each page they visit into a cache of their own (2 MB by default,
        // per connection): a full-text search or a join over a large table then reads pages in place, and the pool's
        // connections share one copy, the operating system's. The size is address space, not memory.
        return new ReadOnlyDataSource(new FairDataSource(pool(storage, "sqlite-reader", storage.readerPoolSize(),
                Map.of("mmap_size", Long.toString(READER_MMAP_BYTES)))));
    }

    @Bean
    Db db(JdbcClient writer, ReadOnlyDataSource readers) {
        return new Db(writer, JdbcClient.create(readers.dataSource()));
    }

    private static HikariDataSource pool(StorageProperties storage, String name, int size, Map<String, String> pragmas) {
        createParentDirectory(storage);
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:sqlite:" + storage.dbPath().toAbsolutePath());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        pragmas.forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    private static void createParentDirectory(StorageProperties storage) {
        try {
            var parent = storage.dbPath().toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory for " + storage.dbPath(), e);
        }
    }

    /** Wrapper type so the reader pool is never mistaken for the primary (writing) DataSource. */
    record ReadOnlyDataSource(FairDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}

package dev.autodev.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection hand-out order over a real one-connection SQLite pool. */
class FairDataSourceTest {

    @TempDir
    Path dir;

    private FairDataSource dataSource;

    @AfterEach
    void closePool() {
        if (dataSource != null) dataSource.close();
    }

    @Test
    void waitingCallersGetTheConnectionInTheOrderTheyAsked() throws Exception {
        dataSource = pool(Duration.ofSeconds(30));
        Connection held = dataSource.getConnection();
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> callers = List.of("first", "second", "third", "fourth");
        CountDownLatch done = new CountDownLatch(callers.size());
        for (int i = 0; i < callers.size(); i++) {
            String name = callers.get(i);
            Thread.ofVirtual().start(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.createStatement().execute("SELECT 1");
                    order.add(name);
                } catch (Exception e) {
                    order.add(name + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
            // The next caller asks only once this one waits, so the asking order is known.
            int waiting = i + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> dataSource.waiting() == waiting);
        }

        held.close();
        done.await();

        assertThat(order).containsExactlyElementsOf(callers);
    }

    @Test
    void closingAConnectionTwiceLetsOnlyOneCallerIn() throws Exception {
        dataSource = pool(Duration.ofMillis(250));
        Connection first = dataSource.getConnection();
        first.close();
        first.close();
        assertThat(first.isClosed()).isTrue();

        try (Connection second = dataSource.getConnection()) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("no connection free after 250 ms");
            assertThat(second.isClosed()).isFalse();
        }
        try (Connection again = dataSource.getConnection()) {
            assertThat(again.isValid(1)).isTrue();
        }
    }

    private FairDataSource pool(Duration timeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fair-test");
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("fair.db"));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(timeout.toMillis());
        return new FairDataSource(new HikariDataSource(config));
    }
}

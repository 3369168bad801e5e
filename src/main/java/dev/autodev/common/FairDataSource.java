package dev.autodev.common;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out a pool's connections first come, first served. A pool lets a thread that just gave a connection back
 * take it again ahead of the threads already waiting, so when many agents write at once a few calls can wait tens
 * of times longer than the rest. Here a fair semaphore with one permit per connection decides the order, and the
 * pool is only asked when a connection is sure to be free.
 */
final class FairDataSource extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource pool;
    private final Semaphore permits;
    private final Duration timeout;

    FairDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
        this.permits = new Semaphore(pool.getMaximumPoolSize(), true);
        this.timeout = Duration.ofMillis(pool.getConnectionTimeout());
    }

    @Override
    public Connection getConnection() throws SQLException {
        await();
        try {
            return handBack(pool.getConnection());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("SQLite connections take no user name or password");
    }

    /** Callers waiting for a connection now. */
    int waiting() {
        return permits.getQueueLength();
    }

    @Override
    public void close() {
        pool.close();
    }

    private void await() throws SQLException {
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException(pool.getPoolName() + ": no connection free after "
                        + timeout.toMillis() + " ms (" + permits.getQueueLength() + " callers waiting)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException(pool.getPoolName() + ": interrupted waiting for a connection", e);
        }
    }

    /** The connection as its user sees it: closing it returns it to the pool and lets the next caller in, once. */
    private Connection handBack(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        if (closed.compareAndSet(false, true)) {
                            try {
                                connection.close();
                            } finally {
                                permits.release();
                            }
                        }
                        yield null;
                    }
                    case "isClosed" -> closed.get() || connection.isClosed();
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "fair(" + connection + ")";
                    default -> invoke(connection, method, args);
                });
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package dev.autodev.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Small writes that many agents make at once (notes, locks), stored several to a transaction. SQLite has one writer,
 * and a transaction of its own per write spends most of its time beginning and committing; when 32 agents write
 * together each would wait for the 31 commits before it. Here one thread takes every write queued since its last
 * commit, runs each under a savepoint (so one failing write undoes only itself) and commits them together. A
 * caller's {@link #run} returns only after that commit, so what it wrote is durable and visible to readers.
 *
 * <p>Events a write publishes reach {@code @TransactionalEventListener}s after the batch commits, on this thread. A
 * write should publish them last, after every statement that might fail: events of a write that failed after
 * publishing would still be sent.
 */
@Component
public class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** Enough to share one commit among every agent; a longer batch would only delay the first of them. */
    static final int MAX_BATCH = 64;
    /** Longer than the writer connection's own wait (30 s), so a pool timeout is the error a caller sees first. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final TransactionTemplate tx;
    private final LinkedBlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    /** Put last in the queue by {@link #close}: the thread stores what is ahead of it, then ends. */
    private static final Write<Object> STOP = new Write<>(() -> null);

    private final Thread writer;
    private boolean closed; // guarded by this
    private final AtomicLong batches = new AtomicLong();

    GroupCommit(TransactionTemplate tx) {
        this.tx = tx;
        this.writer = Thread.ofPlatform().name("sqlite-group-commit").daemon().start(this::loop);
    }

    /**
     * Runs {@code work} in a transaction shared with other writes and returns its result once that committed. Inside
     * a transaction of the caller's own, it runs right there instead: the caller holds the writer connection the
     * batch would need.
     */
    public <T> T run(Supplier<T> work) {
        return await(submit(work));
    }

    /**
     * Waits for a {@link #submit}ted write to commit: its result, or its own exception. A write takes milliseconds;
     * after {@link #MAX_WAIT} the database is taken to be stuck, and the caller is told so rather than left waiting.
     */
    public static <T> T await(CompletableFuture<T> stored) {
        try {
            return stored.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the database did not store the write within " + MAX_WAIT.toSeconds()
                    + " s; it may still do so", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a write to commit", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Queues {@code work}; the future completes after the batch holding it commits, or fails with its error. Inside a
     * transaction of the caller's own it runs at once, as {@link #run} does.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Write<T> write = new Write<>(work);
        synchronized (this) {
            if (!closed) {
                queue.add(write);
                return write.result;
            }
        }
        write.result.completeExceptionally(new IllegalStateException("the orchestrator is shutting down"));
        return write.result;
    }

    /** Writes already queued are stored before the thread stops; later ones fail. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.add(STOP);
        }
        writer.join(30_000);
    }

    private void loop() {
        List<Write<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (true) {
            Write<?> first = stopping ? queue.poll() : take();
            if (first == null) return;
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping |= batch.removeIf(write -> write == STOP);
            try {
                if (!batch.isEmpty()) commit(batch);
            } finally {
                batch.clear();
            }
        }
    }

    /** The next write; the thread has nothing else to do, and only {@link #STOP} ends it. */
    private Write<?> take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // not how this thread is stopped; keep serving the writes that wait for it
            }
        }
    }

    /** Writes waiting for the thread to take them. */
    int queued() {
        return queue.size();
    }

    /** Transactions committed (or tried) so far; with many writers at once, fewer than the writes. */
    long batches() {
        return batches.get();
    }

    private void commit(List<Write<?>> batch) {
        batches.incrementAndGet();
        List<Runnable> outcomes = new ArrayList<>(batch.size());
        try {
            tx.executeWithoutResult(status -> {
                for (Write<?> write : batch) outcomes.add(write.runIn(status));
            });
        } catch (RuntimeException | Error e) {
            // Even an Error fails only this batch: the thread must live on, or every later write would wait forever.
            log.error("a batch of {} writes failed to commit", batch.size(), e);
            for (Write<?> write : batch) write.result.completeExceptionally(e);
            return;
        }
        outcomes.forEach(Runnable::run);
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        if (cause instanceof RuntimeException runtime) return runtime;
        if (cause instanceof Error error) throw error;
        return new IllegalStateException(cause);
    }

    /** One queued write and where its outcome goes. */
    private static final class Write<T> {
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Write(Supplier<T> work) {
            this.work = work;
        }

        /** Runs under a savepoint; returns how to tell the caller, which happens only once the batch committed. */
        Runnable runIn(TransactionStatus status) {
            Object savepoint = status.createSavepoint();
            try {
                T value = work.get();
                status.releaseSavepoint(savepoint);
                return () -> result.complete(value);
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(savepoint);
                status.releaseSavepoint(savepoint);
                return () -> result.completeExceptionally(e);
            }
        }
    }
}

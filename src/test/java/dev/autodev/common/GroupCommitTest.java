package dev.autodev.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes sharing commits, against the real database: each caller hears back only once its write is stored. */
class GroupCommitTest extends AgentIntegrationTest {

    @Autowired
    GroupCommit commits;
    @Autowired
    Db db;
    @Autowired
    TransactionTemplate tx;

    private final String ns = "group-commit-" + UUID.randomUUID() + "/";

    @Test
    void writesQueuedTogetherShareOneCommitAndEachIsStoredWhenItsCallerHearsBack() throws Exception {
        // An instance of its own, so the app's writes meanwhile neither join the batch nor wait behind the test.
        GroupCommit own = new GroupCommit(tx);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Object> blocker;
            long batchesBefore;
            try {
                blocker = own.submit(() -> waitFor(release));
                await().atMost(Duration.ofSeconds(10)).until(() -> own.queued() == 0); // the thread holds it
                batchesBefore = own.batches();
                for (int i = 0; i < 32; i++) {
                    String key = ns + "note-" + i;
                    writers.add(threads.submit(() -> {
                        own.run(() -> insert(key));
                        // Answered only after the commit, so a reader on another connection sees it at once.
                        assertThat(stored(key)).as(key).isTrue();
                        return key;
                    }));
                }
                await().atMost(Duration.ofSeconds(10)).until(own::queued, queued -> queued == 32);
            } finally {
                release.countDown(); // whatever failed above, nothing stays blocked behind the test
            }
            blocker.get(30, TimeUnit.SECONDS);
            for (Future<String> writer : writers) writer.get(30, TimeUnit.SECONDS);
            // All 32 were queued behind the blocked batch, so they share one more (at most 64 to a batch).
            assertThat(own.batches() - batchesBefore).isEqualTo(1);
        } finally {
            own.close();
        }
    }

    @Test
    void aWriteThatFailsIsUndoneAloneAndItsCallerGetsItsOwnError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = commits.submit(() -> waitFor(release));
        CompletableFuture<Object> first = commits.submit(() -> insert(ns + "first"));
        CompletableFuture<Object> failing = commits.submit(() -> {
            insert(ns + "failing");
            throw new IllegalStateException("refused after writing");
        });
        CompletableFuture<Object> last = commits.submit(() -> insert(ns + "last"));
        release.countDown();

        blocker.get(30, TimeUnit.SECONDS);
        first.get(30, TimeUnit.SECONDS);
        last.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> GroupCommit.await(failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("refused after writing");
        assertThat(stored(ns + "first")).isTrue();
        assertThat(stored(ns + "last")).isTrue();
        assertThat(stored(ns + "failing")).isFalse();
    }

    @Test
    void anErrorFailsItsBatchButLaterWritesAreStillStored() throws Exception {
        GroupCommit own = new GroupCommit(tx);
        try {
            CompletableFuture<Object> broken = own.submit(() -> {
                throw new StackOverflowError("deep");
            });
            assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);

            own.run(() -> insert(ns + "after-the-error"));

            assertThat(stored(ns + "after-the-error")).isTrue();
        } finally {
            own.close();
        }
    }

    @Test
    void insideACallersOwnTransactionTheWriteRunsThereAndThen() {
        Thread caller = Thread.currentThread();
        Thread ranOn = tx.execute(status -> commits.run(() -> {
            insert(ns + "inline");
            return Thread.currentThread();
        }));

        assertThat(ranOn).isSameAs(caller);
        assertThat(stored(ns + "inline")).isTrue();
    }

    @Test
    void closingStoresWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        GroupCommit own = new GroupCommit(tx);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = own.submit(() -> waitFor(release));
        CompletableFuture<Object> queued = own.submit(() -> insert(ns + "queued-before-close"));
        Thread closer = Thread.ofVirtual().start(() -> {
            try {
                own.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            // close() has refused new writes once it waits for the thread to finish.
            await().atMost(Duration.ofSeconds(5)).until(() -> closer.getState() == Thread.State.WAITING
                    || closer.getState() == Thread.State.TIMED_WAITING);
        } finally {
            release.countDown();
        }
        closer.join(10_000);

        blocker.get(30, TimeUnit.SECONDS);
        queued.get(30, TimeUnit.SECONDS);
        assertThat(stored(ns + "queued-before-close")).isTrue();
        assertThatThrownBy(() -> own.run(() -> insert(ns + "too-late"))).hasMessageContaining("shutting down");
        assertThat(stored(ns + "too-late")).isFalse();
    }

    private Object insert(String key) {
        db.write().sql("INSERT INTO notes (key, value, updated_at) VALUES (?, 'v', 0)").params(key).update();
        return key;
    }

    private boolean stored(String key) {
        return db.read().sql("SELECT count(*) FROM notes WHERE key = ?").params(key).query(Long.class).single() > 0;
    }

    private static Object waitFor(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}

package dev.autodev.kb;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the full-text index in few pieces. FTS5 adds a small b-tree for every transaction that writes to it and
 * merges them only now and then, so an index built one entry at a time is read from a dozen or more b-trees, and
 * every word a search or memory selection looks up is looked up in each (at 50,000 entries, twice the time of a
 * merged index). At start and after every {@link #CHANGES_BETWEEN} changes this merges them all into one, in the
 * background and in short steps of its own, so that other writers never wait long for the single writer connection.
 */
@Component
class KbIndexUpkeep {

    private static final Logger log = LoggerFactory.getLogger(KbIndexUpkeep.class);
    static final int CHANGES_BETWEEN = 200;
    /** Index pages (of about 4 KB) one step writes: a few milliseconds of the writer's time. */
    private static final int PAGES_PER_STEP = 128;
    /** A guard against a loop that never finishes; 50,000 entries take about 25 steps. */
    private static final int MAX_STEPS = 10_000;

    private final KbRepository entries;
    private final TransactionTemplate tx;
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicBoolean merging = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kb-index-upkeep").factory());

    KbIndexUpkeep(KbRepository entries, TransactionTemplate tx) {
        this.entries = entries;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        mergeLater();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KbChanged changed) {
        if (changes.incrementAndGet() >= CHANGES_BETWEEN) mergeLater();
    }

    private void mergeLater() {
        if (!merging.compareAndSet(false, true)) return;
        changes.set(0);
        worker.execute(() -> {
            try {
                merge();
            } catch (Exception e) {
                log.warn("could not merge the knowledge base's full-text index; the next changes try again", e);
            } finally {
                merging.set(false);
            }
        });
    }

    /**
     * Merges the index into one b-tree; returns how many steps did work (0 when it already was one). The first step
     * puts every b-tree on one level, so that the next ones merge them all; each step is its own transaction.
     */
    int merge() {
        changes.set(0); // what changed so far is merged now
        int steps = 0;
        while (steps < MAX_STEPS) {
            int pages = steps == 0 ? -PAGES_PER_STEP : PAGES_PER_STEP;
            if (!Boolean.TRUE.equals(tx.execute(s -> entries.mergeIndex(pages)))) break;
            steps++;
        }
        return steps;
    }

    /** Whether a background merge is under way (tests wait for it to end before counting their own). */
    boolean merging() {
        return merging.get();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

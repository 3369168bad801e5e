package dev.autodev.notes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The watches waiting right now, held in memory. A committed write pokes every watch it concerns, which then looks
 * at the database again. Watchers register before they first look, so a write that commits between the look and
 * the wait leaves a permit behind and the wait returns at once instead of missing it.
 */
@Component
class NoteWatchers {

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    Waiter register(NoteWatch watch) {
        Waiter waiter = new Waiter(watch);
        waiters.add(waiter);
        return waiter;
    }

    void unregister(Waiter waiter) {
        waiters.remove(waiter);
    }

    /** After commit, so a poked watcher's re-read is sure to see the note. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(NoteWritten event) {
        for (Waiter waiter : waiters) {
            if (waiter.watch.concerns(event.key())) waiter.poke();
        }
    }

    int waiting() {
        return waiters.size();
    }

    /** One waiting watch. Permits count pokes; many pokes while it was busy collapse into one more look. */
    static final class Waiter {
        private final NoteWatch watch;
        private final Semaphore pokes = new Semaphore(0);

        private Waiter(NoteWatch watch) {
            this.watch = watch;
        }

        void poke() {
            pokes.release();
        }

        /** Waits for a poke; false when the time ran out first. */
        boolean awaitPoke(long nanos) throws InterruptedException {
            if (!pokes.tryAcquire(nanos, TimeUnit.NANOSECONDS)) return false;
            pokes.drainPermits();
            return true;
        }
    }
}

package dev.autodev.agents;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Admits agent process starts a few at a time ({@link StartPaceProperties}). A run holds its slot from just before
 * its process starts until the CLI prints its first line (it is then past its start-up and about to call the model),
 * its process ends, or the bound passes, whichever comes first. Waiting happens on the run's own virtual thread.
 */
@Component
class StartGate {

    private final Semaphore slots;
    private final StartPaceProperties properties;

    StartGate(StartPaceProperties properties) {
        this.properties = properties;
        this.slots = properties.unlimited() ? null : new Semaphore(properties.maxStarting(), true);
    }

    /** Waits for a start slot; the admission must be left (idempotently) once the start is over. */
    Admission enter(ScheduledExecutorService timers) throws InterruptedException {
        if (slots == null) return new Admission(null);
        slots.acquire();
        Admission admission = new Admission(slots);
        timers.schedule(admission::leave, properties.bound().toMillis(), TimeUnit.MILLISECONDS);
        return admission;
    }

    /** How many runs wait for a slot right now (for the bench and health views). */
    int waiting() {
        return slots == null ? 0 : slots.getQueueLength();
    }

    /** One run's hold on a start slot. */
    static final class Admission {

        private final Semaphore slots;
        private final AtomicBoolean left = new AtomicBoolean();

        private Admission(Semaphore slots) {
            this.slots = slots;
        }

        void leave() {
            if (slots != null && left.compareAndSet(false, true)) slots.release();
        }
    }
}

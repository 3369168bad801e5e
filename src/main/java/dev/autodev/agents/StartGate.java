package dev.autodev.agents;

import dev.autodev.common.ApiActivity;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Admits agent process starts a few at a time ({@link StartPaceProperties}). A run holds its slot from just before
 * its process starts until the CLI prints its first line (it is then past its start-up and about to call the model),
 * its process ends, or the bound passes, whichever comes first. Waiting happens on the run's own virtual thread.
 * What is to happen once a run is past its start (its priority lowered) hangs on the same moment. A start also lets
 * the API requests in flight be answered first ({@link ApiActivity}), for a moment at most.
 */
@Component
public class StartGate {

    private final Semaphore slots;
    private final StartPaceProperties properties;
    private final ApiActivity api;
    /** Runs waiting for a slot or holding one. */
    private final AtomicInteger starting = new AtomicInteger();

    StartGate(StartPaceProperties properties, ApiActivity api) {
        this.properties = properties;
        this.api = api;
        this.slots = properties.unlimited() ? null : new Semaphore(properties.maxStarting(), true);
    }

    /**
     * Waits for a start slot; the admission must be left (idempotently) once the start is over. The start is over at
     * the bound in any case, also without a limit on starts, so what follows it (a run's lower priority) comes then.
     */
    public Admission enter(ScheduledExecutorService timers) throws InterruptedException {
        starting.incrementAndGet();
        try {
            if (slots != null) slots.acquire();
        } catch (InterruptedException e) {
            starting.decrementAndGet();
            throw e;
        }
        Admission admission = new Admission(slots, starting);
        try {
            api.awaitQuiet(properties.apiYield());
        } catch (InterruptedException e) {
            admission.leave();
            throw e;
        }
        timers.schedule(admission::leave, properties.bound().toMillis(), TimeUnit.MILLISECONDS);
        return admission;
    }

    /**
     * True when fewer runs are starting (or waiting to) than may start at once, so a start that nobody waits for yet
     * (a warm start) takes no slot a run needs; without a limit on starts, when none is starting.
     */
    boolean hasRoom() {
        return starting.get() < (slots == null ? 1 : properties.maxStarting());
    }

    /** How many runs wait for a slot right now (for the bench and health views). */
    int waiting() {
        return slots == null ? 0 : slots.getQueueLength();
    }

    /** One run's hold on a start slot. */
    public static final class Admission {

        private final Semaphore slots;
        private final AtomicInteger starting;
        private boolean left; // guarded by this
        private Runnable afterStart; // guarded by this

        private Admission(Semaphore slots, AtomicInteger starting) {
            this.slots = slots;
            this.starting = starting;
        }

        /** Ends the start (idempotently): frees the slot and runs what was to follow it. */
        public void leave() {
            Runnable then;
            synchronized (this) {
                if (left) return;
                left = true;
                then = afterStart;
                afterStart = null;
            }
            if (slots != null) slots.release();
            starting.decrementAndGet();
            if (then != null) then.run();
        }

        /** Runs {@code action} once the start is over: when the admission is left, or now if it already was. */
        public void afterStart(Runnable action) {
            synchronized (this) {
                if (!left) {
                    afterStart = action;
                    return;
                }
            }
            action.run();
        }
    }
}

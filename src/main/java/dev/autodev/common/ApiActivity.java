package dev.autodev.common;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How many API requests the server is answering right now, so that work which can wait a moment (starting an agent's
 * CLI, half a second of CPU) lets the requests in flight finish first: a burst of POSTs is then answered before the
 * CLIs it creates start competing for the CPU.
 */
@Component
public class ApiActivity {

    private int inFlight; // guarded by this

    public synchronized void requestStarted() {
        inFlight++;
    }

    public synchronized void requestEnded() {
        if (--inFlight == 0) notifyAll();
    }

    /** Waits until no API request is in flight, at most {@code max}; returns at once when none is. */
    public synchronized void awaitQuiet(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

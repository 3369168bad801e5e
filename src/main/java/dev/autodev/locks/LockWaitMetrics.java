package dev.autodev.locks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@code autodev.locks.wait{outcome}}: how long {@code lock_files} calls took to be answered, by answer
 * ({@code acquired}, {@code timed_out}, {@code deadlock}, {@code refused}). An uncontended lock answers at once, so
 * the sum grows only with real waits.
 */
@Component
class LockWaitMetrics {

    private final MeterRegistry registry;

    LockWaitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String outcome, long startedNanos) {
        Timer.builder("autodev.locks.wait").description("Time lock_files calls waited for their answer")
                .tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    static String outcome(LockResult result) {
        return switch (result) {
            case LockResult.Acquired a -> "acquired";
            case LockResult.TimedOut t -> "timed_out";
            case LockResult.DeadlockDetected d -> "deadlock";
        };
    }
}

package dev.autodev.locks;

import dev.autodev.agents.RunChanged;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Frees the locks of runs that ended, whatever the reason, and those whose TTL ran out. */
@Component
class RunEndedLockRelease {

    private static final Logger log = LoggerFactory.getLogger(RunEndedLockRelease.class);

    private final FileLockRegistry registry;

    RunEndedLockRelease(FileLockRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs on a thread of its own: after commit the ending transaction still holds the single writer connection on
     * this thread, and the registry needs it to delete the locks.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        if (!event.status().isTerminal()) return;
        Thread.ofVirtual().name("lock-release-" + event.runId()).start(() -> {
            try {
                registry.releaseAll(event.runId());
            } catch (RuntimeException e) {
                log.error("could not release the locks of run {}", event.runId(), e);
            }
        });
    }

    @Scheduled(fixedDelay = 30, initialDelay = 30, timeUnit = TimeUnit.SECONDS)
    void sweepExpired() {
        try {
            registry.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("lock expiry sweep failed", e);
        }
    }
}

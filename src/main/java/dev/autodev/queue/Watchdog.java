package dev.autodev.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 s (autodev.queue.watchdog-interval), looks for runs the database calls active but that no supervisor
 * thread of this server follows, and settles them as a restart would: taken over while their process lives,
 * finished by their output when it is gone. Finishing a run releases its locks, closes its pending questions and
 * wakes whoever waits on its job, through the usual run-end events.
 */
@Component
class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final StartupRecovery recovery;

    Watchdog(StartupRecovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(fixedDelayString = "${autodev.queue.watchdog-interval:30s}", initialDelayString = "${autodev.queue.watchdog-interval:30s}")
    void sweep() {
        try {
            recovery.recoverOrphans();
        } catch (Exception e) {
            log.error("watchdog sweep failed; the next one retries", e);
        }
    }
}

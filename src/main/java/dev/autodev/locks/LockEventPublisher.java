package dev.autodev.locks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link LocksChanged} events on one thread of its own, in the order the changes happened. The registry
 * hands them over while it holds its monitor; publishing there would make every lock call wait for every listener.
 */
@Component
class LockEventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockEventPublisher.class);

    private final ApplicationEventPublisher events;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("lock-events").factory());

    LockEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    void publish(List<LocksChanged> changes) {
        try {
            thread.execute(() -> changes.forEach(this::publishOne));
        } catch (RejectedExecutionException e) {
            log.debug("shutting down; not announcing {} lock changes", changes.size());
        }
    }

    private void publishOne(LocksChanged change) {
        try {
            events.publishEvent(change);
        } catch (RuntimeException e) {
            log.warn("a listener failed on {}", change.change(), e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}

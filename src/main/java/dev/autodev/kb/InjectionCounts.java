package dev.autodev.kb;

import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobStatus;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts an entry as injected once the job whose prompt it went into has started. Memory is chosen before the job is
 * claimed, so counting then would count jobs another caller claimed first; and a write there would keep dispatch
 * waiting for the single writer. So the choice is remembered here, and counted on its own thread when the job moves
 * to running.
 */
@Component
class InjectionCounts {

    private static final Logger log = LoggerFactory.getLogger(InjectionCounts.class);
    /** Choices of jobs that were never claimed are forgotten once this many newer ones wait. */
    private static final int REMEMBERED = 1000;

    private final KbRepository entries;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kb-injection-counts").factory());
    private final Map<String, List<String>> chosen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > REMEMBERED;
        }
    };

    InjectionCounts(KbRepository entries) {
        this.entries = entries;
    }

    /** The entries whose text went into the prompt of a job about to be claimed. */
    void chosen(String jobId, List<String> entryIds) {
        if (entryIds.isEmpty()) return;
        synchronized (chosen) {
            chosen.put(jobId, List.copyOf(entryIds));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        if (event.status() != JobStatus.RUNNING) return;
        List<String> ids;
        synchronized (chosen) {
            ids = chosen.remove(event.jobId());
        }
        if (ids == null) return;
        writer.execute(() -> {
            try {
                entries.countInjected(ids);
            } catch (Exception e) {
                log.warn("could not count the memory injected into job {}", event.jobId(), e);
            }
        });
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }
}

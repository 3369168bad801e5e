package dev.autodev.jobs;

import dev.autodev.common.CachedCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** {@code autodev.queue.depth{state}}: how many jobs are in each status now, read from the jobs table on scrape. */
@Component
class JobMetrics {

    JobMetrics(MeterRegistry registry, JobRepository jobs, Clock clock) {
        CachedCounts counts = new CachedCounts(jobs::countByStatus, clock, Duration.ofSeconds(1));
        // Strong references: the counts live only in these gauges, and a weakly held one reads NaN after a GC.
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("autodev.queue.depth", counts, c -> c.get(status.wireName()))
                    .description("Jobs in each state").tag("state", status.wireName())
                    .strongReference(true).register(registry);
        }
    }
}

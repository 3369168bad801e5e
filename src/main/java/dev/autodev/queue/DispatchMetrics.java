package dev.autodev.queue;

import dev.autodev.jobs.Job;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code autodev.dispatch.latency}: from when a job was last queued (or its scheduled time, if later) to the
 * dispatcher claiming it. Time spent waiting for dependencies or a free slot counts: that is the wait people feel.
 */
@Component
class DispatchMetrics {

    private final Timer latency;

    DispatchMetrics(MeterRegistry registry) {
        this.latency = Timer.builder("autodev.dispatch.latency").description("Queued to dispatched").register(registry);
    }

    void dispatched(Job job, long nowMillis) {
        long due = job.updatedAt().toEpochMilli();
        if (job.scheduledAt() != null) due = Math.max(due, job.scheduledAt().toEpochMilli());
        latency.record(Duration.ofMillis(Math.max(0, nowMillis - due)));
    }
}

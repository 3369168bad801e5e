package dev.autodev.web;

import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import java.lang.management.ManagementFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness plus a glance at the queue, cheap enough to poll. */
@RestController
class HealthController {

    private final JobRepository jobs;
    private final RunRepository runs;

    HealthController(JobRepository jobs, RunRepository runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    @GetMapping("/api/health")
    Health health() {
        return new Health("ok", jobs.count(JobStatus.QUEUED), runs.count(RunStatus.RUNNING) + runs.count(RunStatus.STARTING),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    record Health(String status, long queuedJobs, long activeAgents, long uptimeSeconds) {}
}

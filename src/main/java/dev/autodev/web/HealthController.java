package dev.autodev.web;

import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import dev.autodev.health.HealthMonitor;
import dev.autodev.health.HealthWarning;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness plus a glance at the queue, cheap enough to poll. */
@RestController
class HealthController {

    private final JobRepository jobs;
    private final RunRepository runs;
    private final HealthMonitor monitor;

    HealthController(JobRepository jobs, RunRepository runs, HealthMonitor monitor) {
        this.jobs = jobs;
        this.runs = runs;
        this.monitor = monitor;
    }

    @GetMapping("/api/health")
    Health health() {
        return new Health("ok", jobs.count(JobStatus.QUEUED), runs.count(RunStatus.RUNNING) + runs.count(RunStatus.STARTING),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    /** Every active run that has a health warning, with its warnings. */
    @GetMapping("/api/health/warnings")
    List<RunWarnings> warnings() {
        return runs.active().stream()
                .map(run -> new RunWarnings(run.id(), run.jobId(),
                        jobs.find(run.jobId()).map(job -> monitor.warnings(run, job)).orElse(List.of())))
                .filter(w -> !w.warnings().isEmpty())
                .toList();
    }

    record Health(String status, long queuedJobs, long activeAgents, long uptimeSeconds) {}

    record RunWarnings(String runId, String jobId, List<HealthWarning> warnings) {}
}

package dev.autodev.queue;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunEndHandler;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.StopReason;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobLifecycle;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a run's end means for its job, recorded together with the run's own end in one transaction. */
@Component
class RunEndings implements RunEndHandler {

    private final RunRepository runs;
    private final RunLifecycle runLifecycle;
    private final JobRepository jobs;
    private final JobLifecycle jobLifecycle;
    private final Clock clock;

    RunEndings(RunRepository runs, RunLifecycle runLifecycle, JobRepository jobs, JobLifecycle jobLifecycle, Clock clock) {
        this.runs = runs;
        this.runLifecycle = runLifecycle;
        this.jobs = jobs;
        this.jobLifecycle = jobLifecycle;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void runEnded(String runId, RunOutcome outcome) {
        AgentRun run = runs.findForUpdate(runId).orElseThrow();
        // Idempotent: a run is finished once, whoever notices its end first.
        if (run.status().isTerminal() || !runLifecycle.finish(run, outcome, clock.millis())) return;
        Job job = jobs.findForUpdate(run.jobId()).orElseThrow();
        if (job.status() != JobStatus.RUNNING) return;
        StopReason stop = outcome.stopReason();
        if (stop == StopReason.REQUEUE || stop == StopReason.SHUTDOWN) {
            jobLifecycle.move(job.id(), JobStatus.RUNNING, JobStatus.QUEUED, outcome.errorMessage());
            return;
        }
        switch (outcome.status()) {
            case DONE -> finishedWell(job);
            case CANCELLED -> jobLifecycle.move(job.id(), JobStatus.RUNNING, JobStatus.CANCELLED, "cancelled");
            default -> jobLifecycle.move(job.id(), JobStatus.RUNNING, JobStatus.FAILED, outcome.errorMessage());
        }
    }

    private void finishedWell(Job job) {
        if (job.repeatIntervalSeconds() == null) {
            jobLifecycle.move(job.id(), JobStatus.RUNNING, JobStatus.DONE, "finished");
            return;
        }
        long due = clock.millis() + job.repeatIntervalSeconds() * 1000L;
        jobLifecycle.requeueAfter(job.id(), JobStatus.RUNNING, due, "repeats every " + job.repeatIntervalSeconds() + " s");
    }
}

package dev.autodev.queue;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunEndHandler;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunWorkspace;
import dev.autodev.agents.StopReason;
import dev.autodev.agents.FailureKind;
import dev.autodev.git.CompletionChecks;
import dev.autodev.git.Worktrees;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobLifecycle;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a run's end means for its job. The slow part (completion checks, committing and pushing a worktree, opening
 * a pull request) runs first, on the caller's thread and outside any transaction; then one short transaction records
 * the run's end and the job's new status together, and queues a retry if the job's policy asks for one.
 */
@Component
class RunEndings implements RunEndHandler {

    private final RunRepository runs;
    private final RunLifecycle runLifecycle;
    private final JobRepository jobs;
    private final JobLifecycle jobLifecycle;
    private final CompletionChecks checks;
    private final Worktrees worktrees;
    private final Retries retries;
    private final TransactionTemplate tx;
    private final Clock clock;

    RunEndings(RunRepository runs, RunLifecycle runLifecycle, JobRepository jobs, JobLifecycle jobLifecycle,
               CompletionChecks checks, Worktrees worktrees, Retries retries, TransactionTemplate tx, Clock clock) {
        this.runs = runs;
        this.runLifecycle = runLifecycle;
        this.jobs = jobs;
        this.jobLifecycle = jobLifecycle;
        this.checks = checks;
        this.worktrees = worktrees;
        this.retries = retries;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void runEnded(String runId, RunOutcome outcome) {
        Optional<AgentRun> before = runs.find(runId);
        // Idempotent: a run is finished once, whoever notices its end first (the transaction checks again).
        if (before.isEmpty() || before.get().status().isTerminal()) return;
        Job job = jobs.find(before.get().jobId()).orElseThrow();
        RunOutcome decided = outcome;
        boolean ends = job.status() == JobStatus.RUNNING && outcome.stopReason() != StopReason.REQUEUE
                && outcome.stopReason() != StopReason.SHUTDOWN;
        if (ends && outcome.status() == RunStatus.DONE && !job.completionChecks().isEmpty()) {
            RunWorkspace.Prepared workspace = runs.workspace(runId)
                    .orElseGet(() -> new RunWorkspace.Prepared(Path.of(job.workDir()), null));
            Optional<String> failure = checks.firstFailure(job, runId, workspace);
            if (failure.isPresent()) decided = outcome.failedAs(FailureKind.CHECK_FAILED, failure.get());
        }
        if (ends && job.useWorktree() && decided.status() != RunStatus.CANCELLED) {
            worktrees.finishRun(job, runId, decided);
        }
        RunOutcome recorded = decided;
        JobStatus after = tx.execute(s -> record(runId, recorded));
        if (job.useWorktree() && after != null && after.isTerminal()) worktrees.remove(job.id());
    }

    /** Records the run's end and moves its job; returns the job's new status, or null when nothing changed. */
    private JobStatus record(String runId, RunOutcome outcome) {
        AgentRun run = runs.findForUpdate(runId).orElseThrow();
        if (run.status().isTerminal() || !runLifecycle.finish(run, outcome, clock.millis())) return null;
        Job job = jobs.findForUpdate(run.jobId()).orElseThrow();
        if (job.status() != JobStatus.RUNNING) return null;
        StopReason stop = outcome.stopReason();
        if (stop == StopReason.REQUEUE || stop == StopReason.SHUTDOWN) {
            jobLifecycle.move(job.id(), JobStatus.RUNNING, JobStatus.QUEUED, outcome.errorMessage());
            return JobStatus.QUEUED;
        }
        JobStatus status = switch (outcome.status()) {
            case DONE -> finishedWell(job);
            case CANCELLED -> move(job, JobStatus.CANCELLED, "cancelled");
            default -> move(job, JobStatus.FAILED, retries.afterFailure(job, runId, outcome));
        };
        retries.afterEnd(job, status, outcome);
        return status;
    }

    private JobStatus move(Job job, JobStatus to, String reason) {
        jobLifecycle.move(job.id(), JobStatus.RUNNING, to, reason);
        return to;
    }

    private JobStatus finishedWell(Job job) {
        if (job.repeatIntervalSeconds() == null) return move(job, JobStatus.DONE, "finished");
        long due = clock.millis() + job.repeatIntervalSeconds() * 1000L;
        jobLifecycle.requeueAfter(job.id(), JobStatus.RUNNING, due, "repeats every " + job.repeatIntervalSeconds() + " s");
        return JobStatus.QUEUED;
    }
}

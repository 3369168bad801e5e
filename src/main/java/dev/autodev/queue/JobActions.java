package dev.autodev.queue;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.LaunchPlan;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunSupervisor;
import dev.autodev.agents.StopReason;
import dev.autodev.agents.AgentProperties;
import dev.autodev.interactive.InteractiveSupervisor;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobLifecycle;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do to jobs and runs once they exist: cancel, requeue, continue the conversation, retry. Each action
 * checks the current state first and answers 409 when it does not allow the action.
 */
@Service
public class JobActions {

    private final JobRepository jobs;
    private final JobService jobService;
    private final JobLifecycle jobLifecycle;
    private final RunRepository runs;
    private final RunLifecycle runLifecycle;
    private final RunSupervisor supervisor;
    private final InteractiveSupervisor interactive;
    private final RunEndings endings;
    private final LaunchPlans plans;
    private final AgentProperties agentProperties;
    private final TransactionTemplate tx;
    private final Clock clock;

    JobActions(JobRepository jobs, JobService jobService, JobLifecycle jobLifecycle, RunRepository runs,
               RunLifecycle runLifecycle, RunSupervisor supervisor, InteractiveSupervisor interactive, RunEndings endings, LaunchPlans plans,
               AgentProperties agentProperties, TransactionTemplate tx, Clock clock) {
        this.jobs = jobs;
        this.jobService = jobService;
        this.jobLifecycle = jobLifecycle;
        this.runs = runs;
        this.runLifecycle = runLifecycle;
        this.supervisor = supervisor;
        this.interactive = interactive;
        this.endings = endings;
        this.plans = plans;
        this.agentProperties = agentProperties;
        this.tx = tx;
        this.clock = clock;
    }

    /** Cancels a queued job at once, or stops a running job's run and waits for it to end. */
    public Job cancelJob(String jobId) {
        Job job = jobService.get(jobId);
        if (job.status() == JobStatus.QUEUED) {
            Boolean moved = tx.execute(s -> jobLifecycle.move(jobId, JobStatus.QUEUED, JobStatus.CANCELLED, "cancelled"));
            if (Boolean.TRUE.equals(moved)) return jobService.get(jobId);
            job = jobService.get(jobId);
        }
        if (job.status() != JobStatus.RUNNING) throw new Conflict("job is already " + job.status().wireName());
        Optional<AgentRun> active = runs.activeOfJob(jobId);
        if (active.isPresent()) stopAndWait(active.get(), StopReason.CANCEL);
        return jobService.get(jobId);
    }

    public Job cancelRun(String runId) {
        AgentRun run = run(runId);
        if (run.status().isTerminal()) throw new Conflict("run is already " + run.status().wireName());
        stopAndWait(run, StopReason.CANCEL);
        return jobService.get(run.jobId());
    }

    /** Stops the run if it is active and puts its job back in the queue. */
    public Job requeue(String runId) {
        AgentRun run = run(runId);
        if (!run.status().isTerminal()) {
            stopAndWait(run, StopReason.REQUEUE);
            return jobService.get(run.jobId());
        }
        Job job = jobService.get(run.jobId());
        if (!job.status().isTerminal()) throw new Conflict("job is " + job.status().wireName() + "; only a finished job can be requeued");
        tx.executeWithoutResult(s -> {
            if (!jobLifecycle.move(job.id(), job.status(), JobStatus.QUEUED, "requeued")) {
                throw new Conflict("job changed while requeueing; try again");
            }
        });
        return jobService.get(job.id());
    }

    /**
     * Starts a queued job now, ahead of its scheduled time and of jobs with a higher priority, even when every agent
     * slot is taken (a person asked for this one). 409 when the job is not queued or waits for a dependency.
     */
    public Job runNow(String jobId) {
        String memory = plans.memoryFor(jobs.find(jobId).orElseThrow(() -> new NotFound("job", jobId)));
        LaunchPlan plan = tx.execute(s -> {
            Job job = jobs.findForUpdate(jobId).orElseThrow(() -> new NotFound("job", jobId));
            if (job.status() != JobStatus.QUEUED) {
                throw new Conflict("job is " + job.status().wireName() + "; only a queued job can be started now");
            }
            List<String> waiting = jobs.dependencyStates(jobId).entrySet().stream()
                    .filter(d -> d.getValue() != JobStatus.DONE).map(Map.Entry::getKey).sorted().toList();
            if (!waiting.isEmpty()) throw new Conflict("job waits for job(s) " + String.join(", ", waiting));
            if (!jobLifecycle.move(jobId, JobStatus.QUEUED, JobStatus.RUNNING, "run now")) {
                throw new Conflict("job changed while starting it; try again");
            }
            return runLifecycle.createStarting(plans.fresh(job, memory), supervisor.kindFor(job.model()), clock.millis(), "run now");
        });
        if (jobs.find(jobId).map(Job::interactive).orElse(false)) interactive.launch(plan);
        else supervisor.launch(plan);
        return jobService.get(jobId);
    }

    /** A fresh job with the same description and settings. */
    public Job retry(String runId) {
        return jobService.retry(run(runId).jobId());
    }

    /**
     * Sends a follow-up message into the same conversation: typed into the session of a live interactive run, or as
     * a new run of the same job (an interactive job's resumes the conversation in a new session).
     */
    public AgentRun continueRun(String runId, String message) {
        if (message == null || message.isBlank()) throw new BadRequest("message", "is required and must not be blank");
        AgentRun previous = run(runId);
        if (!previous.status().isTerminal() && interactive.isLive(runId)) {
            try {
                interactive.type(runId, message);
            } catch (java.io.IOException e) {
                throw new Conflict(e.getMessage());
            }
            return run(runId);
        }
        if (!previous.status().isTerminal()) throw new Conflict("run is still " + previous.status().wireName());
        if (previous.sessionId() == null) throw new Conflict("run has no session to continue");
        LaunchPlan plan = tx.execute(s -> {
            Job job = jobs.findForUpdate(previous.jobId()).orElseThrow();
            if (!job.status().isTerminal()) {
                throw new Conflict("job is " + job.status().wireName() + "; wait for it to finish before continuing");
            }
            LaunchPlan next = plans.continuation(job, message, previous.sessionId(), previous.id());
            jobLifecycle.move(job.id(), job.status(), JobStatus.RUNNING, "continued from run " + previous.id());
            return runLifecycle.createStarting(next, supervisor.kindFor(previous.model()), clock.millis(), "continue");
        });
        if (jobs.find(previous.jobId()).map(Job::interactive).orElse(false)) interactive.launch(plan);
        else supervisor.launch(plan);
        return runs.find(plan.runId()).orElseThrow();
    }

    private AgentRun run(String runId) {
        return runs.find(runId).orElseThrow(() -> new NotFound("agent", runId));
    }

    private void stopAndWait(AgentRun run, StopReason reason) {
        if (interactive.stop(run.id(), reason)) {
            try {
                interactive.awaitEnd(run.id(), agentProperties.stopGrace().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (!supervisor.stop(run.id(), reason)) {
            // Nobody supervises it (left from an earlier server): close it here so it does not stay active forever.
            String message = reason == StopReason.CANCEL ? "cancelled" : "stopped to requeue the job";
            endings.runEnded(run.id(), RunOutcome.cancelled(reason, run.resultText(), message));
            return;
        }
        try {
            supervisor.awaitEnd(run.id(), agentProperties.stopGrace().toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.autodev.workflows;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobOwner;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.NewJob;
import dev.autodev.notes.Note;
import dev.autodev.notes.NoteService;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a workflow's state for {@link NextStep} and records its phase jobs. A phase job and its step are stored in one
 * transaction, so after a crash either both exist (the phase runs once) or neither (it is decided again).
 */
@Component
class WorkflowSteps {

    static final String OWNER_KIND = "workflow";

    private final WorkflowRepository workflows;
    private final WorkflowLifecycle lifecycle;
    private final JobService jobs;
    private final RunRepository runs;
    private final NoteService notes;
    private final WorkflowsProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    WorkflowSteps(WorkflowRepository workflows, WorkflowLifecycle lifecycle, JobService jobs, RunRepository runs,
                  NoteService notes, WorkflowsProperties properties, TransactionTemplate tx, Clock clock) {
        this.workflows = workflows;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.runs = runs;
        this.notes = notes;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    WorkflowState state(Workflow wf) {
        List<WorkflowStep> steps = workflows.steps(wf.id());
        return new WorkflowState(wf, steps, note(wf.planKey()), note(wf.contractKey()), cost(steps), clock.millis(),
                properties.policy());
    }

    /** What the workflow's runs have spent so far, in US dollars. */
    double cost(List<WorkflowStep> steps) {
        List<String> jobIds = steps.stream().map(WorkflowStep::jobId).filter(id -> id != null).toList();
        return jobIds.isEmpty() ? 0 : runs.ofJobs(jobIds).stream().mapToDouble(AgentRun::costUsd).sum();
    }

    String note(String key) {
        return notes.read(key).map(Note::value).orElse(null);
    }

    /** Writes a note as the orchestrator (no agent). */
    void writeNote(String key, String value) {
        notes.write(null, key, value);
    }

    /** The workflow's worklogs, oldest first. */
    List<Note> worklogs(Workflow wf) {
        return notes.list(wf.worklogPrefix()).stream().sorted(Comparator.comparing(Note::updatedAt)).toList();
    }

    /** The latest run of a finished job, whose failure kind and result the step keeps. */
    Optional<AgentRun> lastRun(String jobId) {
        List<AgentRun> all = runs.ofJob(jobId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** The step's job, if it has finished: its outcome is recorded on the step by the caller. */
    Optional<Job> finishedJob(WorkflowStep step) {
        if (step.jobId() == null) return Optional.empty();
        Job job = jobs.get(step.jobId());
        return job.status().isTerminal() ? Optional.of(job) : Optional.empty();
    }

    /** Records the outcome of a finished job on its step (once: a second call changes nothing). */
    void settle(WorkflowStep step, Job job, Integer milestonesAfter) {
        Optional<AgentRun> run = lastRun(job.id());
        String status = switch (job.status()) {
            case DONE -> WorkflowStep.DONE;
            case CANCELLED -> WorkflowStep.CANCELLED;
            default -> WorkflowStep.FAILED;
        };
        String message = job.status() == JobStatus.DONE ? null
                : job.statusReason() != null ? job.statusReason() : run.map(AgentRun::errorMessage).orElse(null);
        workflows.settle(step.workflowId(), step.seq(), status, run.map(AgentRun::failureKind).orElse(null), message,
                milestonesAfter, clock.millis());
    }

    /**
     * Stores the phase job and its step together; returns the job id, or empty when the workflow stopped running
     * meanwhile (a cancel won the race) and nothing was stored.
     */
    Optional<String> startJob(Workflow wf, Decision.Start start, NewJob job, int milestonesBefore) {
        return Optional.ofNullable(tx.execute(s -> {
            Workflow now = workflows.findForUpdate(wf.id()).orElseThrow();
            if (now.status() != WorkflowStatus.RUNNING) return null;
            Job created = jobs.create(job, new JobOwner(OWNER_KIND, wf.id()));
            workflows.insertStep(wf.id(), start.kind(), start.phase(), start.cycle(), start.model(), created.id(),
                    milestonesBefore, clock.millis());
            workflows.position(wf.id(), start.kind() == Phase.REPAIR ? start.phase() : start.kind(), start.cycle(), clock.millis());
            lifecycle.touched(wf.id(), now.status());
            return created.id();
        }));
    }

    /** Records that finalizing began (once), before any push. */
    void startFinalize(Workflow wf, List<WorkflowStep> steps) {
        WorkflowStep last = steps.isEmpty() ? null : steps.getLast();
        if (last != null && last.kind() == Phase.FINALIZE && !last.settled()) return;
        workflows.insertStep(wf.id(), Phase.FINALIZE, Phase.FINALIZE, wf.cycle(), null, null, null, clock.millis());
    }

    void finishFinalize(Workflow wf, boolean ok, String message) {
        List<WorkflowStep> steps = workflows.steps(wf.id());
        WorkflowStep last = steps.getLast();
        workflows.settle(wf.id(), last.seq(), ok ? WorkflowStep.DONE : WorkflowStep.FAILED, null, message, null, clock.millis());
    }

    /** Moves a running workflow on (blocked, waiting, done), in a transaction of its own. */
    void move(Workflow wf, WorkflowStatus to, BlockedReason reason) {
        tx.executeWithoutResult(s -> lifecycle.move(wf.id(), WorkflowStatus.RUNNING, to, reason));
    }
}

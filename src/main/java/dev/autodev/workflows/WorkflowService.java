package dev.autodev.workflows;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.Page;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.notes.Note;
import dev.autodev.queue.JobActions;
import dev.autodev.common.ApiException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.autodev.projects.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Autonomous agent runs: create, read, cancel, resume, approve. Driving them is {@link WorkflowEngine}'s business. */
@Service
public class WorkflowService {

    private final WorkflowValidator validator;
    private final WorkflowRepository workflows;
    private final WorkflowLifecycle lifecycle;
    private final WorkflowSteps steps;
    private final WorkflowWorktrees worktrees;
    private final WorkflowEngine engine;
    private final JobService jobs;
    private final JobActions jobActions;
    private final RunRepository runs;
    private final TransactionTemplate tx;
    private final ProjectService projects;
    private final Clock clock;

    WorkflowService(WorkflowValidator validator, WorkflowRepository workflows, WorkflowLifecycle lifecycle,
                    WorkflowSteps steps, WorkflowWorktrees worktrees, WorkflowEngine engine, JobService jobs,
                    JobActions jobActions, RunRepository runs, TransactionTemplate tx, ProjectService projects,
                    Clock clock) {
        this.validator = validator;
        this.workflows = workflows;
        this.lifecycle = lifecycle;
        this.steps = steps;
        this.worktrees = worktrees;
        this.engine = engine;
        this.jobs = jobs;
        this.jobActions = jobActions;
        this.runs = runs;
        this.tx = tx;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Validates and stores a workflow, then starts its assess phase before answering, so the caller gets the assess
     * job's id. On bad input nothing is stored.
     */
    public WorkflowView create(NewWorkflow request) {
        Workflow validated = validator.validate(request, Ids.newId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        // Every run groups its phase jobs under a project of its own, named after it.
        Workflow wf = tx.execute(s -> {
            String name = validated.title().length() > 80 ? validated.title().substring(0, 80).strip() : validated.title();
            Workflow grouped = validated.inProject(projects.createUnique(name, "Autonomous run " + validated.id()).id());
            workflows.insert(grouped);
            lifecycle.created(grouped);
            return grouped;
        });
        engine.advance(wf.id());
        return get(wf.id());
    }

    public WorkflowView get(String id) {
        Workflow wf = find(id);
        List<WorkflowStep> all = workflows.steps(id);
        List<String> jobIds = all.stream().map(WorkflowStep::jobId).filter(j -> j != null).toList();
        Map<String, List<AgentRun>> byJob = jobIds.isEmpty() ? Map.of()
                : runs.ofJobs(jobIds).stream().collect(java.util.stream.Collectors.groupingBy(AgentRun::jobId));
        List<WorkflowView.JobWithRuns> withRuns = jobIds.stream()
                .map(j -> new WorkflowView.JobWithRuns(jobs.get(j), byJob.getOrDefault(j, List.of()))).toList();
        return new WorkflowView(wf, progress(wf), steps.cost(all), all, withRuns);
    }

    public Page<WorkflowView> list(WorkflowStatus status, int page, int size) {
        List<WorkflowView> items = workflows.page(status, page, size).stream().map(this::summary).toList();
        return new Page<>(items, page, size, workflows.count(status));
    }

    /** One workflow as the list shows it: milestones and cost, without steps and jobs. */
    public Optional<WorkflowView> summary(String id) {
        return workflows.find(id).map(this::summary);
    }

    private WorkflowView summary(Workflow wf) {
        return new WorkflowView(wf, progress(wf), steps.cost(workflows.steps(wf.id())), null, null);
    }

    /** The plan note as text with its parsed milestones; the text is null when there is no plan yet. */
    public PlanView plan(String id) {
        Workflow wf = find(id);
        return new PlanView(wf.planKey(), steps.note(wf.planKey()), progress(wf), steps.note(wf.contractKey()));
    }

    /**
     * A person replaces the plan (and, when given, the contract), e.g. while the run waits for plan approval or
     * before resuming a blocked one. Refused once the workflow has ended.
     */
    public PlanView writePlan(String id, String text, String contract) {
        Workflow wf = find(id);
        if (wf.status().isTerminal()) throw new Conflict("workflow is " + wf.status().wireName());
        if (text == null || text.isBlank()) throw new BadRequest("text", "is required: the plan, milestones as '- [ ] **M1: title** — criteria' lines");
        steps.writeNote(wf.planKey(), text);
        if (contract != null && !contract.isBlank()) steps.writeNote(wf.contractKey(), contract);
        return plan(id);
    }

    /** The plan as the API shows it, with the contract beside it. */
    public record PlanView(String key, String text, WorkflowView.Progress milestones, String contract) {}

    /** The worklog notes, oldest first. */
    public List<Note> worklogs(String id) {
        return steps.worklogs(find(id));
    }

    /** Stops the workflow's jobs and removes its worktree; the branch stays. */
    public WorkflowView cancel(String id) {
        Workflow wf = find(id);
        if (wf.status().isTerminal()) throw new Conflict("workflow is already " + wf.status().wireName());
        Boolean moved = tx.execute(s -> lifecycle.move(id, wf.status(), WorkflowStatus.CANCELLED, null));
        if (!Boolean.TRUE.equals(moved)) throw new Conflict("workflow changed meanwhile; try again");
        cancelActiveJobs(id);
        engine.settle(id);
        worktrees.remove(find(id));
        return get(id);
    }

    private void cancelActiveJobs(String id) {
        for (WorkflowStep step : workflows.steps(id)) {
            if (step.jobId() == null || jobs.get(step.jobId()).status().isTerminal()) continue;
            try {
                jobActions.cancelJob(step.jobId());
            } catch (ApiException.Conflict e) {
                // It ended meanwhile: nothing left to stop.
            }
        }
    }

    /**
     * Runs a blocked workflow again, from the given phase and cycle or from where it stopped. Everything is checked
     * before anything changes: a refused resume leaves the workflow as it was.
     */
    public WorkflowView resume(String id, String phaseName, Integer cycle, boolean force) {
        Workflow wf = find(id); // read afresh, also for force: never act on a stale copy
        if (wf.status().isTerminal()) throw new Conflict("workflow is " + wf.status().wireName() + " and cannot be resumed");
        if (wf.status() == WorkflowStatus.WAITING_APPROVAL) throw new Conflict("workflow waits for approval: approve it or cancel");
        if (wf.status() == WorkflowStatus.RUNNING && !force) {
            throw new Conflict("workflow is running; pass force=true to restart it from a phase (its active job is stopped)");
        }
        ResumePoint.of(wf, workflows.steps(id), phaseName, cycle); // refuses bad input before anything else
        Optional<BlockedReason> branch = worktrees.check(wf);
        if (branch.isPresent()) throw new Conflict(branch.get().message() + " " + branch.get().action());
        // Under the engine's lock: no pass decides on the state before the resume while it changes.
        Boolean moved = engine.exclusively(() -> {
            List<WorkflowStep> all = workflows.steps(id);
            ResumePoint point = ResumePoint.of(wf, all, phaseName, cycle);
            int lastSeq = all.isEmpty() ? 0 : all.getLast().seq();
            Boolean done = tx.execute(s -> {
                Workflow now = workflows.findForUpdate(id).orElseThrow();
                if (now.status() != wf.status()) return false;
                workflows.resumePoint(id, lastSeq, point.phase(), point.cycle());
                if (now.status() == WorkflowStatus.RUNNING) {
                    lifecycle.touched(id, WorkflowStatus.RUNNING);
                    return true;
                }
                return lifecycle.move(id, now.status(), WorkflowStatus.RUNNING, null);
            });
            // A forced resume stops the phase that runs; its step lies before the resume point and is left behind.
            if (Boolean.TRUE.equals(done) && wf.status() == WorkflowStatus.RUNNING) cancelActiveJobs(id);
            return done;
        });
        if (!Boolean.TRUE.equals(moved)) throw new Conflict("workflow changed meanwhile; try again");
        engine.signal();
        return get(id);
    }

    /**
     * Lets a paused workflow go on: approves its plan, or raises its budget by {@code additionalUsd} (required when
     * it paused for the budget).
     */
    public WorkflowView approve(String id, Double additionalUsd) {
        Workflow wf = find(id);
        if (wf.status() != WorkflowStatus.WAITING_APPROVAL) throw new Conflict("workflow is " + wf.status().wireName() + ", not waiting for approval");
        boolean budget = wf.blockedReason() != null && BlockedReason.Codes.BUDGET.equals(wf.blockedReason().code());
        if (additionalUsd != null && (additionalUsd.isNaN() || additionalUsd <= 0)) {
            throw new BadRequest("additionalUsd", "must be a positive number of US dollars");
        }
        if (budget && additionalUsd == null) throw new BadRequest("additionalUsd", "is required: how many more US dollars the run may spend");
        Boolean moved = tx.execute(s -> {
            if (!budget) workflows.planApproved(id);
            if (additionalUsd != null) {
                double base = Math.max(wf.budgetUsd() == null ? 0 : wf.budgetUsd(), steps.cost(workflows.steps(id)));
                if (wf.budgetUsd() != null) workflows.budget(id, base + additionalUsd);
            }
            return lifecycle.move(id, WorkflowStatus.WAITING_APPROVAL, WorkflowStatus.RUNNING, null);
        });
        if (!Boolean.TRUE.equals(moved)) throw new Conflict("workflow changed meanwhile; try again");
        engine.signal();
        return get(id);
    }

    private WorkflowView.Progress progress(Workflow wf) {
        Milestones m = Milestones.parse(steps.note(wf.planKey()));
        return new WorkflowView.Progress(m.done(), m.total(), m.items());
    }

    private Workflow find(String id) {
        return workflows.find(id).orElseThrow(() -> new NotFound("workflow", id));
    }

    /** The stored workflow, if there is one (without its steps and jobs, unlike {@link #get}). */
    public Optional<Workflow> lookup(String id) {
        return workflows.find(id);
    }

    /** At most {@code limit} workflows waiting for a person each: those that blocked and those paused for approval. */
    public List<Workflow> waitingForAPerson(int limit) {
        List<Workflow> waiting = new java.util.ArrayList<>(workflows.page(WorkflowStatus.BLOCKED, 0, limit));
        waiting.addAll(workflows.page(WorkflowStatus.WAITING_APPROVAL, 0, limit));
        return waiting;
    }

    /** The first job of a workflow's assess phase, for callers that want to follow it. */
    public Optional<String> assessJobId(String id) {
        return workflows.steps(id).stream().filter(s -> s.kind() == Phase.ASSESS).map(WorkflowStep::jobId).findFirst();
    }

    Job job(String jobId) {
        return jobs.get(jobId);
    }
}

package dev.autodev.workflows;

import dev.autodev.common.ApiException;
import dev.autodev.common.BackgroundLoop;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.NewJob;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drives running workflows, like the queue's dispatcher drives jobs: one thread, woken when a job or workflow
 * changes and every {@code reconcileInterval} (and once at start) as a backstop. A pass asks {@link NextStep} what to
 * do for each running workflow and does it, recording each side effect before it runs. Reconciliation is simply
 * such a pass: a workflow whose phase job ended while the server was away is settled and moved on.
 */
@Component
class WorkflowEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);
    /** Decisions one workflow may act on in a row within a pass (e.g. finalize, then complete). */
    private static final int MAX_ACTIONS_PER_PASS = 5;

    private final WorkflowRepository workflows;
    private final WorkflowSteps steps;
    private final WorkflowWorktrees worktrees;
    private final WorkflowsProperties properties;
    private final BackgroundLoop loop = new BackgroundLoop("workflow-engine", log,
            "workflow pass failed; the next signal or reconciliation retries", this::pass);
    // Passes and synchronous advances (a create that returns its assess job) never run side by side.
    private final ReentrantLock passLock = new ReentrantLock();

    WorkflowEngine(WorkflowRepository workflows, WorkflowSteps steps, WorkflowWorktrees worktrees,
                   WorkflowsProperties properties) {
        this.workflows = workflows;
        this.steps = steps;
        this.worktrees = worktrees;
        this.properties = properties;
    }

    void signal() {
        loop.signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        if (event.status().isTerminal()) signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkflowChanged event) {
        if (event.status() == WorkflowStatus.RUNNING) signal();
    }

    @Scheduled(fixedDelayString = "${autodev.workflows.reconcile-interval:1m}")
    void reconcile() {
        signal();
    }

    /** One look at every running workflow. */
    void pass() {
        for (String id : workflows.runningIds()) {
            try {
                advance(id);
            } catch (RuntimeException e) {
                log.error("advancing workflow {} failed; trying again on the next pass", id, e);
            }
        }
    }

    /** Settles the workflow's finished step and acts on what comes next, until it has to wait. */
    void advance(String id) {
        passLock.lock();
        try {
            for (int i = 0; i < MAX_ACTIONS_PER_PASS; i++) {
                Workflow wf = workflows.find(id).orElseThrow();
                if (wf.status() != WorkflowStatus.RUNNING) return;
                settleFinished(wf);
                Decision decision = NextStep.decide(steps.state(wf));
                if (!act(wf, decision)) return;
            }
        } finally {
            passLock.unlock();
        }
    }

    /** Runs {@code work} while no pass acts, e.g. a forced resume that must not race a decision on the old state. */
    <T> T exclusively(java.util.function.Supplier<T> work) {
        passLock.lock();
        try {
            return work.get();
        } finally {
            passLock.unlock();
        }
    }

    /** Records the outcome of the workflow's ended jobs, whatever its status (a cancelled run's last jobs too). */
    void settle(String id) {
        passLock.lock();
        try {
            settleFinished(workflows.find(id).orElseThrow());
        } finally {
            passLock.unlock();
        }
    }

    private void settleFinished(Workflow wf) {
        for (WorkflowStep step : workflows.steps(wf.id())) {
            if (step.settled() || step.jobId() == null) continue;
            Optional<Job> job = steps.finishedJob(step);
            if (job.isEmpty()) continue;
            worktrees.commitLeftovers(wf, step);
            if (job.get().status() == dev.autodev.jobs.JobStatus.DONE) writeMissingWorklog(wf, step, job.get());
            steps.settle(step, job.get(), Milestones.parse(steps.note(wf.planKey())).done());
        }
    }

    /** A phase whose agent wrote no worklog still leaves one: its final answer. */
    private void writeMissingWorklog(Workflow wf, WorkflowStep step, Job job) {
        if (step.kind() == Phase.REPAIR) return;
        String key = wf.worklogKey(step.cycle(), step.kind());
        if (steps.note(key) != null) return;
        String result = steps.lastRun(job.id()).map(r -> r.resultText()).filter(t -> t != null && !t.isBlank())
                .orElse("(the agent wrote no worklog and gave no final answer)");
        steps.writeNote(key, result);
    }

    /** Does what the decision says; true when something changed and the workflow should be looked at again. */
    private boolean act(Workflow wf, Decision decision) {
        switch (decision) {
            case Decision.Wait w -> {
                return false;
            }
            case Decision.Block b -> {
                log.info("workflow {} blocks: {}", wf.id(), b.reason().message());
                steps.move(wf, WorkflowStatus.BLOCKED, b.reason());
                return false;
            }
            case Decision.Pause p -> {
                steps.move(wf, WorkflowStatus.WAITING_APPROVAL, p.reason());
                return false;
            }
            case Decision.Complete c -> {
                steps.move(wf, WorkflowStatus.DONE, null);
                worktrees.remove(wf);
                return false;
            }
            case Decision.Finalize f -> {
                steps.startFinalize(wf, workflows.steps(wf.id()));
                Optional<String> failure = worktrees.publish(workflows.find(wf.id()).orElseThrow(), f.partial());
                steps.finishFinalize(wf, failure.isEmpty(), failure.orElse(null));
                return true;
            }
            case Decision.Start s -> {
                return start(wf, s);
            }
        }
    }

    private boolean start(Workflow wf, Decision.Start start) {
        Optional<BlockedReason> problem = worktrees.prepare(wf);
        if (problem.isPresent()) {
            steps.move(wf, WorkflowStatus.BLOCKED, problem.get());
            return false;
        }
        Workflow ready = workflows.find(wf.id()).orElseThrow();
        WorkflowState state = steps.state(ready);
        String prompt = PhasePrompts.build(ready, start, state.plan(), state.contract(), steps.worklogs(ready),
                properties.contextCap());
        Workflow.PhaseStop stop = ready.stopModes().get((start.kind() == Phase.REPAIR ? Phase.IMPLEMENT : start.kind()).json());
        // The phase first: on a job card the workflow's (long) title is the part that gets cut off.
        String title = PhasePrompts.header(start.kind(), start.phase(), start.cycle()).substring("Phase: ".length())
                + " · " + ready.title();
        NewJob job = new NewJob(prompt, title.length() > 200 ? title.substring(0, 199) + "…" : title, null, start.model(),
                ready.worktreePath() != null ? ready.worktreePath() : ready.workDir(),
                stop != null && "turns".equals(stop.mode()) && stop.value() != null ? (int) Math.round(stop.value()) : null,
                stop == null ? null : stop.mode(), stop == null || "turns".equals(stop.mode()) ? null : stop.value(),
                null, null, null, null, false, null, null, null, ready.templateId(), ready.projectId(), null);
        try {
            Optional<String> jobId = steps.startJob(ready, start, job, state.milestones().done());
            jobId.ifPresent(j -> log.info("workflow {}: {} of cycle {} on {} as job {} ({})", wf.id(), start.kind().json(),
                    start.cycle(), start.model(), j, start.why()));
            return false;
        } catch (ApiException e) {
            steps.move(wf, WorkflowStatus.BLOCKED, new BlockedReason(BlockedReason.Codes.PHASE_FAILED,
                    "The " + start.kind().json() + " job could not be created: " + e.getMessage(),
                    "Fix the workflow's settings (work dir, models), then resume."));
            return false;
        }
    }

    /**
     * Its first pass is the reconciliation at start: it settles what ended while the server was away and starts what
     * is due. Whether the queue's recovery ran first does not matter: a phase job it finishes later wakes the engine again.
     */
    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    List<String> running() {
        return workflows.runningIds();
    }
}

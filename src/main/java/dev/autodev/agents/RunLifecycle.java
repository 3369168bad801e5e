package dev.autodev.agents;

import dev.autodev.common.StateTransitions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The one way a run's status changes: refuses moves the table does not allow, and records the ones it makes. */
@Component
public class RunLifecycle {

    private final RunRepository runs;
    private final RunTokens tokens;
    private final StateTransitions transitions;
    private final ApplicationEventPublisher events;

    RunLifecycle(RunRepository runs, RunTokens tokens, StateTransitions transitions, ApplicationEventPublisher events) {
        this.runs = runs;
        this.tokens = tokens;
        this.transitions = transitions;
        this.events = events;
    }

    /** Returns false when the run was no longer in {@code from}; throws when the move is not allowed. */
    public boolean move(String runId, String jobId, RunStatus from, RunStatus to, String reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("run " + runId + " cannot move from " + from.wireName() + " to " + to.wireName());
        }
        if (!runs.move(runId, from, to)) return false;
        transitions.record("run", runId, from, to, reason);
        events.publishEvent(new RunChanged(runId, jobId, to));
        return true;
    }

    /**
     * Records a new run in {@link RunStatus#STARTING} with its secret token, and returns the plan carrying that
     * token. Call inside the transaction that claims its job, so launching needs no write of its own.
     */
    public LaunchPlan createStarting(LaunchPlan plan, String kind, long nowMillis, String reason) {
        runs.insertStarting(plan.runId(), plan.jobId(), kind, plan.model(), plan.sessionId(), plan.resumedFromRunId(),
                plan.prompt(), nowMillis);
        String token = tokens.issue(plan.runId());
        transitions.record("run", plan.runId(), null, RunStatus.STARTING, reason);
        events.publishEvent(new RunChanged(plan.runId(), plan.jobId(), RunStatus.STARTING));
        return plan.withToken(token);
    }

    /** Ends a run: its final status, result and error. Call inside the transaction that updates its job. */
    public boolean finish(AgentRun run, RunOutcome outcome, long nowMillis) {
        String reason = outcome.errorMessage() != null ? outcome.errorMessage() : "finished";
        if (!move(run.id(), run.jobId(), run.status(), outcome.status(), reason)) return false;
        runs.finish(run.id(), outcome, nowMillis);
        return true;
    }
}

package dev.autodev.workflows;

import dev.autodev.common.StateTransitions;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The one way a workflow's status changes: refuses moves the table does not allow, and records the ones it makes. */
@Component
class WorkflowLifecycle {

    private final WorkflowRepository workflows;
    private final StateTransitions transitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkflowLifecycle(WorkflowRepository workflows, StateTransitions transitions, ApplicationEventPublisher events, Clock clock) {
        this.workflows = workflows;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /** Records a new workflow's first state. */
    void created(Workflow wf) {
        transitions.record("workflow", wf.id(), null, wf.status(), "created");
        events.publishEvent(new WorkflowChanged(wf.id(), wf.status()));
    }

    /**
     * Moves the workflow from {@code from} to {@code to}, setting (or clearing, with null) its blocked reason.
     * Returns false when it was no longer in {@code from}; throws when the move is not allowed.
     */
    boolean move(String id, WorkflowStatus from, WorkflowStatus to, BlockedReason reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("workflow " + id + " cannot move from " + from.wireName() + " to " + to.wireName());
        }
        if (!workflows.move(id, from, to, reason, clock.millis())) return false;
        transitions.record("workflow", id, from, to, reason == null ? null : reason.code());
        events.publishEvent(new WorkflowChanged(id, to));
        return true;
    }

    /** Tells listeners (the engine, the dashboard) that something else about the workflow changed. */
    void touched(String id, WorkflowStatus status) {
        events.publishEvent(new WorkflowChanged(id, status));
    }
}

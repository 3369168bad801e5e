package dev.autodev.debates;

import dev.autodev.common.StateTransitions;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The one way a debate's status changes: refuses moves the table does not allow, and records the ones it makes. */
@Component
class DebateLifecycle {

    private final DebateRepository debates;
    private final StateTransitions transitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DebateLifecycle(DebateRepository debates, StateTransitions transitions, ApplicationEventPublisher events, Clock clock) {
        this.debates = debates;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /** Moves from {@code from} to {@code to}; false when the debate had already moved on. Call inside a write transaction. */
    boolean move(String id, DebateStatus from, DebateStatus to, String reason, String conclusion) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("debate " + id + " cannot move from " + from.wireName() + " to " + to.wireName());
        }
        if (!debates.move(id, from, to, reason, conclusion, clock.millis())) return false;
        transitions.record("debate", id, from, to, reason);
        events.publishEvent(new DebateChanged(id, to));
        return true;
    }

    /** Something in the debate changed without a status move (a job started): updated_at and an event. */
    void touched(Debate debate) {
        debates.touch(debate.id(), clock.millis());
        events.publishEvent(new DebateChanged(debate.id(), debate.status()));
    }

    void created(Debate debate) {
        transitions.record("debate", debate.id(), null, debate.status(), "created");
        events.publishEvent(new DebateChanged(debate.id(), debate.status()));
    }
}

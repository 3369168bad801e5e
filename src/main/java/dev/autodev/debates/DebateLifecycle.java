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

    /**
     * Moves the debate's worktree from {@code from} to {@code to} (with the pull request's address when published);
     * false when it had already moved on. Call inside a write transaction.
     */
    boolean moveWorktree(Debate debate, WorktreeState from, WorktreeState to, String prUrl, String reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("the worktree of debate " + debate.id() + " cannot move from "
                    + from.wireName() + " to " + to.wireName());
        }
        if (!debates.moveWorktree(debate.id(), from, to, prUrl, clock.millis())) return false;
        transitions.record("debate_worktree", debate.id(), from, to, reason);
        events.publishEvent(new DebateChanged(debate.id(), debate.status()));
        return true;
    }

    /** Stores where the worktree goes, moving it from none to open; false when it was stored already. */
    boolean openWorktree(Debate debate, String repoRoot, String path, String branch, String baseCommit) {
        if (!debates.openWorktree(debate.id(), repoRoot, path, branch, baseCommit, clock.millis())) return false;
        transitions.record("debate_worktree", debate.id(), WorktreeState.NONE, WorktreeState.OPEN, "acting begins on " + branch);
        events.publishEvent(new DebateChanged(debate.id(), debate.status()));
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

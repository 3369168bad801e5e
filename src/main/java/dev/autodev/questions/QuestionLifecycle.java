package dev.autodev.questions;

import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunStatus;
import dev.autodev.common.StateTransitions;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a question's status changes: refuses moves the table does not allow, records the ones it makes, and
 * lets the asking run work again once none of its questions is pending. Call inside a write transaction.
 */
@Component
class QuestionLifecycle {

    private final QuestionRepository questions;
    private final StateTransitions transitions;
    private final RunLifecycle runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuestionLifecycle(QuestionRepository questions, StateTransitions transitions, RunLifecycle runs,
                      ApplicationEventPublisher events, Clock clock) {
        this.questions = questions;
        this.transitions = transitions;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    void asked(String id, String runId, String jobId, String question) {
        questions.insertPending(id, runId, jobId, question, clock.millis());
        transitions.record("question", id, null, QuestionStatus.PENDING, "asked by run " + runId);
        events.publishEvent(new QuestionAsked(id, runId, jobId));
    }

    /**
     * Settles a pending question as answered, timed out or cancelled. Returns false when it was no longer pending
     * (someone settled it first); throws when the move is not allowed.
     */
    boolean settle(Question q, QuestionStatus to, String answer, String reason) {
        if (!q.status().canMoveTo(to)) {
            throw new IllegalStateException("question " + q.id() + " cannot move from " + q.status().wireName()
                    + " to " + to.wireName());
        }
        Long answeredAt = to == QuestionStatus.ANSWERED ? clock.millis() : null;
        if (!questions.move(q.id(), q.status(), to, answer, answeredAt)) return false;
        transitions.record("question", q.id(), q.status(), to, reason);
        events.publishEvent(to == QuestionStatus.ANSWERED
                ? new QuestionAnswered(q.id(), q.runId(), q.jobId())
                : new QuestionClosed(q.id(), q.runId(), q.jobId(), to));
        // An agent can ask several questions at once (parallel tool calls); it waits until the last is settled.
        if (questions.pendingOfRun(q.runId()).isEmpty()) {
            runs.move(q.runId(), q.jobId(), RunStatus.WAITING_USER, RunStatus.RUNNING, "question " + to.wireName());
        }
        return true;
    }
}

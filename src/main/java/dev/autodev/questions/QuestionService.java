package dev.autodev.questions;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Questions agents ask a person. The asking agent blocks (its run shows {@code waiting_user}) until someone answers,
 * the time runs out, or its run ends; it wakes the moment the answer is committed.
 */
@Service
public class QuestionService {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    static final int MAX_QUESTION_LENGTH = 20_000;
    static final int MAX_ANSWER_LENGTH = 100_000;
    static final int MAX_LIST = 500;

    private final QuestionRepository questions;
    private final QuestionLifecycle lifecycle;
    private final QuestionWaiters waiters;
    private final RunRepository runs;
    private final RunLifecycle runLifecycle;
    private final TransactionTemplate tx;

    QuestionService(QuestionRepository questions, QuestionLifecycle lifecycle, QuestionWaiters waiters,
                    RunRepository runs, RunLifecycle runLifecycle, TransactionTemplate tx) {
        this.questions = questions;
        this.lifecycle = lifecycle;
        this.waiters = waiters;
        this.runs = runs;
        this.runLifecycle = runLifecycle;
        this.tx = tx;
    }

    /**
     * Asks on behalf of {@code caller} and blocks until the question is settled. Never holds a transaction while
     * waiting. If the waiting thread is interrupted, the question is cancelled and the run goes back to running.
     */
    public AskOutcome ask(AgentIdentity caller, String question, Duration timeout) throws InterruptedException {
        String text = text("question", question, MAX_QUESTION_LENGTH);
        Duration limit = timeout(timeout);
        String id = Ids.newId();
        CountDownLatch settled = waiters.register(id);
        try {
            tx.executeWithoutResult(s -> store(caller, id, text));
            // A monotonic deadline: the wait is about elapsed time, not the wall clock tests may move.
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                Question current = questions.find(id).orElseThrow();
                if (current.status() != QuestionStatus.PENDING) return outcome(current, limit);
                long left = deadline - System.nanoTime();
                if (left <= 0) settleIfPending(id, QuestionStatus.TIMED_OUT, "no answer within " + human(limit));
                else settled.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            settleIfPending(id, QuestionStatus.CANCELLED, "the asking agent stopped waiting");
            throw e;
        } finally {
            waiters.unregister(id);
        }
    }

    /** Answers a pending question and wakes its agent. 404 unknown id, 400 blank answer, 409 not pending. */
    public Question answer(String questionId, String answer) {
        return tx.execute(s -> {
            Question q = questions.findForUpdate(questionId).orElseThrow(() -> new NotFound("question", questionId));
            String text = text("answer", answer, MAX_ANSWER_LENGTH);
            if (q.status() != QuestionStatus.PENDING || !lifecycle.settle(q, QuestionStatus.ANSWERED, text, "answered")) {
                throw new Conflict("question " + questionId + " is " + q.status().wireName()
                        + "; only a pending question can be answered");
            }
            return questions.findForUpdate(questionId).orElseThrow();
        });
    }

    /** Questions with {@code status} (all when null), newest first, at most {@value #MAX_LIST}. */
    public List<Question> list(QuestionStatus status) {
        return questions.list(status, MAX_LIST);
    }

    public Question get(String questionId) {
        return questions.find(questionId).orElseThrow(() -> new NotFound("question", questionId));
    }

    /** Cancels the pending questions of a run that ended; their waiters wake and tell their agents. */
    void cancelPendingOf(String runId, String reason) {
        if (!questions.hasPending(runId)) return;
        tx.executeWithoutResult(s -> questions.pendingOfRun(runId)
                .forEach(q -> lifecycle.settle(q, QuestionStatus.CANCELLED, null, reason)));
    }

    private void store(AgentIdentity caller, String id, String text) {
        AgentRun run = runs.findForUpdate(caller.runId()).orElseThrow(() -> new NotFound("agent", caller.runId()));
        switch (run.status()) {
            case WAITING_USER -> { } // already waiting for another of its questions (parallel tool calls)
            case RUNNING -> {
                if (!runLifecycle.move(run.id(), run.jobId(), RunStatus.RUNNING, RunStatus.WAITING_USER, "asked a question")) {
                    throw notRunning(run);
                }
            }
            default -> throw notRunning(run);
        }
        lifecycle.asked(id, run.id(), run.jobId(), text);
    }

    private static Conflict notRunning(AgentRun run) {
        return new Conflict("run " + run.id() + " is " + run.status().wireName() + "; only a running agent can ask");
    }

    private void settleIfPending(String id, QuestionStatus to, String reason) {
        tx.executeWithoutResult(s -> questions.findForUpdate(id)
                .filter(q -> q.status() == QuestionStatus.PENDING)
                .ifPresent(q -> lifecycle.settle(q, to, null, reason)));
    }

    private static AskOutcome outcome(Question q, Duration limit) {
        return switch (q.status()) {
            case ANSWERED -> AskOutcome.answer(q.answer());
            case TIMED_OUT -> AskOutcome.none("no answer within " + human(limit)
                    + "; decide for yourself, or ask again if you cannot go on without one");
            default -> AskOutcome.none("the question was cancelled before anyone answered");
        };
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) throw new BadRequest(field, "required, a non-empty string");
        if (value.length() > maxLength) {
            throw new BadRequest(field, "at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    private static Duration timeout(Duration timeout) {
        if (timeout == null) return DEFAULT_TIMEOUT;
        if (!timeout.isPositive() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new BadRequest("timeout_ms", "must be between 1 and " + MAX_TIMEOUT.toMillis());
        }
        return timeout;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) return ms / 60_000 + (ms == 60_000 ? " minute" : " minutes");
        if (ms >= 1000 && ms % 1000 == 0) return ms / 1000 + (ms == 1000 ? " second" : " seconds");
        return ms + " ms";
    }
}

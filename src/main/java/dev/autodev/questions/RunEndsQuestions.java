package dev.autodev.questions;

import dev.autodev.agents.RunChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A run that ends cannot use an answer any more: its pending questions are cancelled and its waiters woken. */
@Component
class RunEndsQuestions {

    private static final Logger log = LoggerFactory.getLogger(RunEndsQuestions.class);

    private final QuestionService questions;

    RunEndsQuestions(QuestionService questions) {
        this.questions = questions;
    }

    /**
     * Runs after the run's end commits, while that transaction still holds the single writer connection; the work
     * needs that connection too, so it goes to a thread of its own instead of waiting on itself.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        if (!event.status().isTerminal()) return;
        Thread.ofVirtual().name("questions-of-" + event.runId()).start(() -> {
            try {
                questions.cancelPendingOf(event.runId(), "run " + event.status().wireName());
            } catch (RuntimeException e) {
                log.error("could not cancel the pending questions of run {}", event.runId(), e);
            }
        });
    }
}

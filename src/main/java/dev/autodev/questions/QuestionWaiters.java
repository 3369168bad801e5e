package dev.autodev.questions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Agents blocked in ask_user, by question id. A question is settled once, so each waiter is a one-shot latch,
 * released after the settling transaction commits; the waiter then reads the outcome from the database.
 */
@Component
class QuestionWaiters {

    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /** Register before the question is stored, so even an answer that comes at once finds the latch. */
    CountDownLatch register(String questionId) {
        return waiting.computeIfAbsent(questionId, id -> new CountDownLatch(1));
    }

    void unregister(String questionId) {
        waiting.remove(questionId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionAnswered event) {
        release(event.questionId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionClosed event) {
        release(event.questionId());
    }

    private void release(String questionId) {
        CountDownLatch latch = waiting.get(questionId);
        if (latch != null) latch.countDown();
    }
}

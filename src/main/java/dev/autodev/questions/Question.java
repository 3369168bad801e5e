package dev.autodev.questions;

import java.time.Instant;

/**
 * A question an agent asked a person.
 *
 * @param answer     the person's answer, once answered
 * @param answeredAt when it was answered; null unless {@code status} is answered
 */
public record Question(String id, String runId, String jobId, String question, QuestionStatus status,
                       Instant createdAt, String answer, Instant answeredAt) {}

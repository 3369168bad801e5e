package dev.autodev.debates;

import java.time.Instant;

/**
 * One job a debate started, and its place in the debate.
 *
 * @param round           1.. for turns, 0 for the stages after the rounds
 * @param verdict         what the side gave through submit_verdict (turns only), or null
 * @param askedAgainRunId the run that ended without a verdict and was continued once to ask for it, or null
 */
record DebateJob(
        String debateId,
        int loop,
        Stage stage,
        int round,
        Side side,
        String jobId,
        Verdict verdict,
        String position,
        String askedAgainRunId,
        Instant createdAt) {}

package dev.autodev.questions;

/** Published when a pending question ends without an answer: timed out, or cancelled because its run ended. */
public record QuestionClosed(String questionId, String runId, String jobId, QuestionStatus status) {}

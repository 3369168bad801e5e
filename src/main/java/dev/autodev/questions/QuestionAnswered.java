package dev.autodev.questions;

/** Published when a person answers a pending question. */
public record QuestionAnswered(String questionId, String runId, String jobId) {}

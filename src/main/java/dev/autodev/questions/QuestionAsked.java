package dev.autodev.questions;

/** Published when an agent asks a question; listeners act after the question is committed. */
public record QuestionAsked(String questionId, String runId, String jobId) {}

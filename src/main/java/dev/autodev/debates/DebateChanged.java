package dev.autodev.debates;

/** Published when a debate is created, changes status, or starts a job; listeners act after the commit. */
public record DebateChanged(String debateId, DebateStatus status) {}

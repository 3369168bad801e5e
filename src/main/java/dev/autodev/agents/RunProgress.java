package dev.autodev.agents;

/** Running totals a parser keeps while a run's output streams in. */
public record RunProgress(String sessionId, int numTurns, long inputTokens, long outputTokens, double costUsd) {}

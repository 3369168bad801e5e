package dev.autodev.health;

/**
 * Something about a live run a person may want to look at.
 *
 * @param kind    stalled, high_turns, long_running, budget_warning or time_warning
 * @param message the same in words, with the figures
 */
public record HealthWarning(String kind, String message) {}

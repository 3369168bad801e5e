package dev.autodev.settings;

/**
 * Options a person can change while the server runs (the Settings panel, {@code PUT /api/settings}).
 *
 * @param maxConcurrentAgents how many runs may be active at once; queued jobs wait for a free slot
 */
public record Settings(Integer maxConcurrentAgents) {

    public static final int MAX_AGENTS_LIMIT = 1000;
}

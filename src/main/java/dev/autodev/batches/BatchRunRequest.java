package dev.autodev.batches;

/**
 * The options of one batch run, applied to every job it creates; each is optional, with the job defaults.
 *
 * @param mode {@code normal} (default): one job per item; {@code debate} (one debate per item) is refused until
 *             debates exist
 */
public record BatchRunRequest(String mode, String model, String workDir, Integer maxTurns, Boolean useWorktree,
                              Integer priority, String templateId, String stopMode, Double stopValue) {}

package dev.autodev.batches;

import dev.autodev.debates.NewDebate;

/**
 * The options of one batch run, applied to every job it creates; each is optional, with the job defaults.
 *
 * @param mode   {@code normal} (default): one job per item; {@code debate}: one debate per item, the item as its task
 * @param debate in debate mode, the options of every debate (models, rounds, post-action, verification, loops); its
 *               task is ignored, and {@code workDir}, {@code templateId} and {@code useWorktree} of the run apply when it
 *               names none
 */
public record BatchRunRequest(String mode, String model, String workDir, Integer maxTurns, Boolean useWorktree,
                              Integer priority, String templateId, String stopMode, Double stopValue,
                              NewDebate debate) {}

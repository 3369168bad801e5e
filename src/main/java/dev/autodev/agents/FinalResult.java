package dev.autodev.agents;

/**
 * The summary a CLI prints when it ends a run on its own terms.
 *
 * @param isError whether the CLI itself counts the run as failed
 * @param subtype the CLI's word for how it ended (e.g. success, error_max_turns)
 * @param text    the final answer, or the error the CLI reported
 */
public record FinalResult(boolean isError, String subtype, String text) {}

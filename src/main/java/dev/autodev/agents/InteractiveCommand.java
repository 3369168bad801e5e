package dev.autodev.agents;

import java.nio.file.Path;

/**
 * How to run a CLI's terminal UI for one interactive run.
 *
 * @param command        the program, arguments, environment and directory, as for a batch run
 * @param transcriptRoot a folder under which the CLI writes the conversation as JSON lines
 *                       ({@code <sessionId>.jsonl} somewhere below it), in the CLI's batch output format as far as the
 *                       run's {@link OutputParser} needs; null when the CLI keeps no transcript the orchestrator reads
 */
public record InteractiveCommand(LaunchCommand command, Path transcriptRoot) {}

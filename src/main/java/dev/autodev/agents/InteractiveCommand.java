package dev.autodev.agents;

/**
 * How to run a CLI's terminal UI for one interactive run.
 *
 * @param command    the program, arguments, environment and directory, as for a batch run
 * @param transcript where the CLI writes the conversation as JSON lines, read by the CLI's
 *                   {@link AgentCli#newTranscriptParser transcript parser}; null when it keeps none the orchestrator reads
 */
public record InteractiveCommand(LaunchCommand command, InteractiveTranscript transcript) {}

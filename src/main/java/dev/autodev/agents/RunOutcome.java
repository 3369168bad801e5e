package dev.autodev.agents;

/**
 * How a run ended, decided once its process is gone.
 *
 * @param status       done, failed or cancelled
 * @param stopReason   why the orchestrator stopped it, when it did (cancel, requeue, a limit); null otherwise
 */
public record RunOutcome(RunStatus status, StopReason stopReason, String resultText, String errorMessage, Integer exitCode) {}

package dev.autodev.agents;

/**
 * How a run ended, decided once its process is gone.
 *
 * @param status       done, failed or cancelled
 * @param stopReason   why the orchestrator stopped it, when it did (cancel, requeue, a limit); null otherwise
 * @param failureKind  what kind of failure it was; null for a run that succeeded
 */
public record RunOutcome(RunStatus status, StopReason stopReason, String resultText, String errorMessage, Integer exitCode,
                         FailureKind failureKind) {

    /** A run stopped on request (cancel, requeue, shutdown), with the reason people see. */
    public static RunOutcome cancelled(StopReason reason, String resultText, String message) {
        return new RunOutcome(RunStatus.CANCELLED, reason, resultText, message, null, FailureKind.CANCELLED);
    }

    /** The same outcome, judged a failure of the given kind afterwards (e.g. by a completion check). */
    public RunOutcome failedAs(FailureKind kind, String message) {
        return new RunOutcome(RunStatus.FAILED, stopReason, resultText, message, exitCode, kind);
    }
}

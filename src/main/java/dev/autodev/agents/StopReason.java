package dev.autodev.agents;

/** Why the orchestrator stopped a run that had not finished by itself. */
public enum StopReason {
    /** A person cancelled the job or the run. */
    CANCEL,
    /** A person asked for the job to go back to the queue. */
    REQUEUE,
    /** The run used more turns than its job's maxTurns allows, and its CLI does not stop by itself. */
    TURN_LIMIT,
    /** The run passed its time limit (stop mode time). */
    TIME_LIMIT,
    /** The run passed its budget (stop mode budget). */
    BUDGET_LIMIT,
    /**
     * The model provider refused the run's credentials (HTTP 401 or 403) and the CLI started retrying: no retry can
     * fix that, so the run fails at once as an auth failure instead of after minutes of retries.
     */
    AUTH_FAILED,
    /** The agent called finish_job: the run ends as done with the result it gave. */
    FINISHED,
    /** The server is shutting down. */
    SHUTDOWN
}

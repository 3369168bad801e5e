package dev.autodev.agents;

/**
 * Told once per run, after its process is gone and its output is recorded. The implementation decides what that
 * means for the job (done, failed, back to the queue) and records the run's end in the same transaction.
 */
public interface RunEndHandler {

    void runEnded(String runId, RunOutcome outcome);
}

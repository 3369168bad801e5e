package dev.autodev.agents;

/**
 * Told once per run: when the agent declares its work finished (finish_job), or else after its process is gone and its
 * output is recorded. The implementation decides what that means for the job (done, failed, back to the queue) and
 * records the run's end in the same transaction. Output a finished run's process still writes is recorded afterwards.
 */
public interface RunEndHandler {

    void runEnded(String runId, RunOutcome outcome);
}

package dev.autodev.workflows;

/** What the engine should do next for a workflow, as {@link NextStep} decides from stored state. */
sealed interface Decision {

    /** Nothing to do now: a step is still running, or the workflow is not running. */
    record Wait(String why) implements Decision {}

    /** Start a job for {@code kind} (a phase, or a repair before {@code phase}) in {@code cycle} on {@code model}. */
    record Start(Phase kind, Phase phase, int cycle, String model, String why) implements Decision {}

    /** Self-healing gives up: the workflow blocks with this reason. */
    record Block(BlockedReason reason) implements Decision {}

    /** The workflow waits for a person (plan approval, budget). */
    record Pause(BlockedReason reason) implements Decision {}

    /** Push the branch and open the pull request; a draft labelled partial when milestones remain. */
    record Finalize(boolean partial) implements Decision {}

    /** Finalizing is done: the workflow is finished. */
    record Complete() implements Decision {}
}

package dev.autodev.debates;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.jobs.JobStatus;
import java.util.List;

/**
 * A debate as the API shows it: its fields, then what its jobs did.
 *
 * @param rounds  every round of every loop, both sides side by side
 * @param actions the post-action, review and refinement jobs of each loop
 * @param loops   how each loop's rounds came out
 * @param jobs    every job the debate started
 * @param costUsd what each side's runs cost
 */
public record DebateView(@JsonUnwrapped Debate debate, int currentLoop, List<Round> rounds, List<Action> actions,
                         List<Loop> loops, List<JobRef> jobs, Costs costUsd) {

    /**
     * One side's answer in a round.
     *
     * @param verdict      the verdict that counts: the one given, or disagree when none was given even when asked
     *                     again; null while the side is still answering
     * @param verdictGiven whether the side gave it through submit_verdict
     * @param askedAgain   whether the side was asked once more for a verdict
     * @param answer       the final text of its run
     */
    public record Turn(String jobId, JobStatus jobStatus, Verdict verdict, boolean verdictGiven, String position,
                       boolean askedAgain, String answer, double costUsd) {}

    /** @param diverged true once both verdicts are in and they are not both agree */
    public record Round(int loop, int round, Turn claude, Turn codex, boolean diverged) {}

    public record Action(int loop, String stage, Side side, String jobId, JobStatus jobStatus, String result, double costUsd) {}

    /** @param outcome consensus, disagreement, or null while its rounds go on */
    public record Loop(int loop, DebateStatus outcome, int rounds, String conclusion) {}

    public record JobRef(String jobId, int loop, String stage, int round, Side side, JobStatus status) {}

    public record Costs(double claude, double codex) {}
}

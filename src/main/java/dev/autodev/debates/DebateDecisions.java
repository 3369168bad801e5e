package dev.autodev.debates;

import dev.autodev.agents.AgentRun;
import dev.autodev.jobs.JobStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Given what is stored, what happens next?" for one debate. Pure: the same debate and jobs give the same answer,
 * so after a restart the engine asks again and carries on where it was, never starting a side twice.
 */
final class DebateDecisions {

    private DebateDecisions() {}

    /** The next step of a debate. */
    sealed interface Next {}

    /** Nothing to do until a job changes. */
    record Wait() implements Next {}

    /** Start one job per side for this place in the debate, moving the debate to {@code moveTo} if not null. */
    record StartJobs(int loop, Stage stage, int round, List<Side> sides, DebateStatus moveTo) implements Next {}

    /** The side's run ended without a verdict: continue that run once, asking for it. */
    record AskAgain(String jobId, String runId) implements Next {}

    /** The debate is over. */
    record Finish(DebateStatus status, String reason, String conclusion) implements Next {}

    /** Acting is about to begin in a worktree of the debate's own: decide and store its place, then create it. */
    record OpenWorktree() implements Next {}

    /** The acting ended done in the debate's worktree: commit what is left, push, open the pull request, then finish. */
    record Publish(Finish finish) implements Next {}

    /** The debate is over and none of its jobs runs any more: remove its worktree (the branch stays). */
    record RemoveWorktree(WorktreeState from) implements Next {}

    /** How one loop's rounds came out: {@code outcome} is CONSENSUS, DISAGREEMENT, or null while still debating. */
    record LoopResult(int loop, DebateStatus outcome, int rounds, String conclusion) {}

    static Next next(Debate debate, List<StepState> steps) {
        if (debate.status().isTerminal()) return afterTheEnd(debate, steps);
        int loop = steps.stream().mapToInt(s -> s.step().loop()).max().orElse(1);
        List<StepState> ofLoop = steps.stream().filter(s -> s.step().loop() == loop).toList();
        Next rounds = rounds(debate, loop, ofLoop);
        if (rounds != null) return rounds;
        LoopResult result = loopResult(debate, loop, ofLoop);
        if (debate.hasPostAction()) {
            Next acting = acting(debate, loop, ofLoop);
            if (acting != null) return acting;
        }
        if (loop < debate.loopCount()) {
            DebateStatus moveTo = debate.status() == DebateStatus.ACTING ? DebateStatus.DEBATING : null;
            return new StartJobs(loop + 1, Stage.TURN, 1, List.of(Side.values()), moveTo);
        }
        Finish finish = new Finish(result.outcome(), null, result.conclusion());
        // Only a debate whose acting ended done gets here: its branch is proposed before the debate ends.
        if (debate.actsInWorktree() && debate.worktreeState() == WorktreeState.OPEN) return new Publish(finish);
        return finish;
    }

    /** A finished debate still holding a worktree removes it, once no job of its own can still be working there. */
    private static Next afterTheEnd(Debate debate, List<StepState> steps) {
        if (!debate.worktreeState().holdsDirectory()) return new Wait();
        if (!steps.stream().allMatch(StepState::finished)) return new Wait();
        return new RemoveWorktree(debate.worktreeState());
    }

    /** The rounds of a loop: what to do while they are not decided, or null once they are. */
    private static Next rounds(Debate debate, int loop, List<StepState> ofLoop) {
        int round = lastRound(ofLoop);
        if (round == 0) return new StartJobs(loop, Stage.TURN, 1, List.of(Side.values()), null);
        Map<Side, StepState> turns = turnsOf(ofLoop, round);
        List<Side> missing = java.util.Arrays.stream(Side.values()).filter(s -> !turns.containsKey(s)).toList();
        if (!missing.isEmpty()) return new StartJobs(loop, Stage.TURN, round, missing, null);
        // A side that could not run at all (its CLI missing, its credentials refused, its retries spent) has no
        // position to ask for: the debate stops with that side's error instead of arguing on with one voice.
        for (Side side : Side.values()) {
            StepState turn = turns.get(side);
            if (turn.jobStatus() == JobStatus.FAILED) return new Finish(DebateStatus.FAILED, failedTurn(side, turn, loop, round), null);
        }
        for (StepState turn : turns.values()) {
            if (needsAskingAgain(turn)) return new AskAgain(turn.step().jobId(), turn.latestRun().id());
        }
        if (turns.values().stream().anyMatch(t -> verdictOf(t) == null)) return new Wait();
        boolean consensus = turns.values().stream().allMatch(t -> verdictOf(t) == Verdict.AGREE);
        if (!consensus && round < debate.maxRounds()) {
            return new StartJobs(loop, Stage.TURN, round + 1, List.of(Side.values()), null);
        }
        return null;
    }

    private static String failedTurn(Side side, StepState turn, int loop, int round) {
        AgentRun run = turn.latestRun();
        String error = run == null || run.errorMessage() == null ? "" : ": " + clip(run.errorMessage().strip(), 500);
        return side.wireName() + "'s turn failed in round " + round + " of loop " + loop + error;
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** Post-action, review, refinements: what to do while they run, or null once the loop's acting is done. */
    private static Next acting(Debate debate, int loop, List<StepState> ofLoop) {
        Side implementer = debate.postActionRole();
        List<Stage> stages = debate.verification() ? List.of(Stage.POST_ACTION, Stage.REVIEW, Stage.REFINE)
                : List.of(Stage.POST_ACTION);
        for (Stage stage : stages) {
            Optional<StepState> step = ofLoop.stream().filter(s -> s.step().stage() == stage).findFirst();
            if (step.isEmpty()) {
                if (debate.actsInWorktree() && debate.worktreeState() == WorktreeState.NONE) return new OpenWorktree();
                Side side = stage == Stage.REVIEW ? implementer.other() : implementer;
                DebateStatus moveTo = debate.status() == DebateStatus.DEBATING ? DebateStatus.ACTING : null;
                return new StartJobs(loop, stage, 0, List.of(side), moveTo);
            }
            if (!step.get().finished()) return new Wait();
            if (step.get().jobStatus() != JobStatus.DONE) {
                return new Finish(DebateStatus.FAILED, stage.wireName().replace('_', '-') + " job "
                        + step.get().jobStatus().wireName() + " in loop " + loop, loopResult(debate, loop, ofLoop).conclusion());
            }
        }
        return null;
    }

    /**
     * A side's verdict for its turn once its job is over: the one it gave, or disagree if it gave none even when asked
     * again; null while pending.
     */
    static Verdict verdictOf(StepState turn) {
        // Counted once its job is over: the next round quotes the whole answer, and nothing runs on after the end.
        if (!turn.finished()) return null;
        if (turn.step().verdict() != null) return turn.step().verdict();
        if (needsAskingAgain(turn)) return null;
        return Verdict.DISAGREE;
    }

    /**
     * True when the turn ended without a verdict and has not been asked again yet, or was marked as asked but the
     * follow-up run does not exist (the server stopped in between). A cancelled job is not asked.
     */
    static boolean needsAskingAgain(StepState turn) {
        if (turn.step().verdict() != null || !turn.finished() || turn.jobStatus() == JobStatus.CANCELLED) return false;
        AgentRun latest = turn.latestRun();
        if (latest == null || latest.sessionId() == null) return false;
        String asked = turn.step().askedAgainRunId();
        return asked == null || asked.equals(latest.id());
    }

    static LoopResult loopResult(Debate debate, int loop, List<StepState> ofLoop) {
        int round = lastRound(ofLoop);
        Map<Side, StepState> turns = turnsOf(ofLoop, round);
        if (round == 0 || turns.size() < 2 || turns.values().stream().anyMatch(t -> verdictOf(t) == null)) {
            return new LoopResult(loop, null, round, null);
        }
        boolean consensus = turns.values().stream().allMatch(t -> verdictOf(t) == Verdict.AGREE);
        if (!consensus && round < debate.maxRounds()) return new LoopResult(loop, null, round, null);
        StringBuilder text = new StringBuilder(consensus
                ? "Consensus: both sides agreed in round " + round + "."
                : "No consensus after " + round + (round == 1 ? " round." : " rounds."));
        for (Side side : Side.values()) {
            StepState turn = turns.get(side);
            text.append("\n").append(side.displayName()).append(" (").append(verdictOf(turn).wireName()).append("): ")
                    .append(positionOf(turn));
        }
        return new LoopResult(loop, consensus ? DebateStatus.CONSENSUS : DebateStatus.DISAGREEMENT, round, text.toString());
    }

    /** The side's stated position, or, when it gave none, the start of its answer. */
    static String positionOf(StepState turn) {
        if (turn.step().position() != null && !turn.step().position().isBlank()) return turn.step().position();
        String text = turn.resultText();
        if (text == null) return "(no position given)";
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    static int lastRound(List<StepState> ofLoop) {
        return ofLoop.stream().filter(s -> s.step().stage() == Stage.TURN).mapToInt(s -> s.step().round()).max().orElse(0);
    }

    static Map<Side, StepState> turnsOf(List<StepState> ofLoop, int round) {
        return ofLoop.stream().filter(s -> s.step().stage() == Stage.TURN && s.step().round() == round)
                .collect(Collectors.toMap(s -> s.step().side(), Function.identity(), (a, b) -> a));
    }

    /** The loop's last acting step that ended done (refinements over the post-action), for the next loop's prompt. */
    static Optional<StepState> actingResult(List<StepState> ofLoop) {
        return ofLoop.stream().filter(s -> s.step().stage() != Stage.TURN && s.step().stage() != Stage.REVIEW)
                .filter(s -> s.jobStatus() == JobStatus.DONE)
                .max(Comparator.comparing(s -> s.step().stage()));
    }
}

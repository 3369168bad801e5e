package dev.autodev.debates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link DebateView}s from a debate's stored state, with the same rules the engine decides by. */
final class DebateViews {

    private DebateViews() {}

    static DebateView of(DebateStates.State state) {
        Debate debate = state.debate();
        List<StepState> steps = state.steps();
        int currentLoop = steps.stream().mapToInt(s -> s.step().loop()).max().orElse(1);
        List<DebateView.Round> rounds = new ArrayList<>();
        List<DebateView.Loop> loops = new ArrayList<>();
        for (int loop = 1; loop <= currentLoop; loop++) {
            int l = loop;
            List<StepState> ofLoop = steps.stream().filter(s -> s.step().loop() == l).toList();
            int last = DebateDecisions.lastRound(ofLoop);
            for (int round = 1; round <= last; round++) {
                Map<Side, StepState> turns = DebateDecisions.turnsOf(ofLoop, round);
                DebateView.Turn claude = turn(turns.get(Side.CLAUDE));
                DebateView.Turn codex = turn(turns.get(Side.CODEX));
                boolean diverged = claude != null && codex != null && claude.verdict() != null && codex.verdict() != null
                        && !(claude.verdict() == Verdict.AGREE && codex.verdict() == Verdict.AGREE);
                rounds.add(new DebateView.Round(loop, round, claude, codex, diverged));
            }
            DebateDecisions.LoopResult result = DebateDecisions.loopResult(debate, loop, ofLoop);
            loops.add(new DebateView.Loop(loop, result.outcome(), result.rounds(), result.conclusion()));
        }
        List<DebateView.Action> actions = steps.stream().filter(s -> s.step().stage() != Stage.TURN)
                .map(s -> new DebateView.Action(s.step().loop(), s.step().stage().wireName(), s.step().side(),
                        s.step().jobId(), s.jobStatus(), s.resultText(), s.costUsd()))
                .toList();
        List<DebateView.JobRef> jobs = steps.stream().map(s -> new DebateView.JobRef(s.step().jobId(), s.step().loop(),
                s.step().stage().wireName(), s.step().round(), s.step().side(), s.jobStatus())).toList();
        double claudeCost = steps.stream().filter(s -> s.step().side() == Side.CLAUDE).mapToDouble(StepState::costUsd).sum();
        double codexCost = steps.stream().filter(s -> s.step().side() == Side.CODEX).mapToDouble(StepState::costUsd).sum();
        return new DebateView(debate, currentLoop, rounds, actions, loops, jobs, new DebateView.Costs(claudeCost, codexCost));
    }

    private static DebateView.Turn turn(StepState s) {
        if (s == null) return null;
        DebateJob row = s.step();
        Verdict shown = row.verdict() != null ? row.verdict() : DebateDecisions.verdictOf(s);
        return new DebateView.Turn(row.jobId(), s.jobStatus(), shown, row.verdict() != null,
                row.position(), row.askedAgainRunId() != null, s.resultText(), s.costUsd());
    }
}

package dev.autodev.debates;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What each job of a debate is told. Quoted answers are cut at a bound so a prompt stays within a job's limits. */
@Component
class DebatePrompts {

    static final String ASK_AGAIN = """
            You ended your turn without calling the MCP tool submit_verdict. Call it now, once, with your verdict \
            ("agree", "disagree" or "partial") and your position in a few sentences.""";

    private final int maxQuoted;

    DebatePrompts(DebatesProperties properties) {
        this.maxQuoted = properties.maxQuotedChars();
    }

    String title(Debate debate, int loop, Stage stage, int round, Side side) {
        String where = switch (stage) {
            case TURN -> "round " + round;
            case POST_ACTION -> "post-action";
            case REVIEW -> "review";
            case REFINE -> "refinements";
        };
        String loopPart = debate.loopCount() > 1 ? "loop " + loop + " " : "";
        String task = debate.task().strip().replaceAll("\\s+", " ");
        return "Debate " + loopPart + where + ", " + side.displayName() + ": " + (task.length() > 80 ? task.substring(0, 80) + "…" : task);
    }

    /** One side's turn: the task, the previous round's two answers (from round 2), the previous loop (in round 1 of a later loop). */
    String turn(Debate debate, int loop, int round, Side side, List<StepState> steps) {
        Side other = side.other();
        StringBuilder p = new StringBuilder();
        p.append("You are ").append(side.displayName()).append(", one of two AI engineers debating a task with ")
                .append(other.displayName()).append(". In round 1 each of you answers on your own; in each later round ")
                .append("you read both answers of the round before, until you agree or ").append(debate.maxRounds())
                .append(debate.maxRounds() == 1 ? " round is" : " rounds are").append(" over.\n\n## Task\n")
                .append(debate.task().strip()).append("\n\n## Round ").append(round).append(" of ").append(debate.maxRounds());
        if (debate.loopCount() > 1) p.append(" (loop ").append(loop).append(" of ").append(debate.loopCount()).append(')');
        p.append('\n');
        List<StepState> ofLoop = steps.stream().filter(s -> s.step().loop() == loop).toList();
        if (round == 1) {
            p.append("Analyse the task independently and give your answer.\n");
        } else {
            var previous = DebateDecisions.turnsOf(ofLoop, round - 1);
            p.append("Weigh ").append(other.displayName()).append("'s answer honestly: keep what you still believe and ")
                    .append("change what it convinced you of.\n");
            answer(p, "Your answer in round " + (round - 1), previous.get(side));
            answer(p, other.displayName() + "'s answer in round " + (round - 1), previous.get(other));
        }
        if (round == 1 && loop > 1) previousLoop(p, debate, loop - 1, steps);
        p.append("\n## How to end your turn\nCall the MCP tool submit_verdict (server \"orchestrator\") once, with\n")
                .append("- verdict: \"agree\" if you agree with ").append(other.displayName()).append("'s position")
                .append(round == 1 ? " (in round 1, before seeing it: if you are confident a careful engineer would reach your answer)" : "")
                .append(", \"partial\" if you agree in part, \"disagree\" otherwise;\n")
                .append("- position: your position in a few sentences.\n")
                .append("This is analysis: do not change files.\n");
        return p.toString();
    }

    String postAction(Debate debate, String conclusion, Side side) {
        return debate.postActionPrompt().strip() + "\n\n## The debate's conclusion\n" + quote(conclusion)
                + "\n\n## The task that was debated\n" + debate.task().strip()
                + "\n\nYou are " + side.displayName() + ". Work in " + where(debate) + ".\n";
    }

    String review(Debate debate, String conclusion, Side implementer, StepState postAction) {
        return implementer.displayName() + " acted on a debate you took part in, in " + where(debate)
                + ". Review what it did: read the changes there, check them against the request and the conclusion, "
                + "and list concrete problems and refinements. Do not change files yourself.\n\n## What it was asked\n"
                + debate.postActionPrompt().strip() + "\n\n## The debate's conclusion\n" + quote(conclusion)
                + "\n\n## Its report\n" + quote(postAction.resultText()) + "\n";
    }

    String refine(Debate debate, Side reviewer, StepState postAction, StepState review) {
        return reviewer.displayName() + " reviewed what you did for the request below. Answer the review: apply the "
                + "refinements you agree with in " + where(debate) + ", and say which you did not apply and why.\n\n"
                + "## What you were asked\n" + debate.postActionPrompt().strip() + "\n\n## What you reported\n"
                + quote(postAction.resultText()) + "\n\n## The review\n" + quote(review.resultText()) + "\n";
    }

    /** Where the acting jobs work: the debate's worktree, named with its branch, or the work dir. */
    private static String where(Debate debate) {
        if (!debate.actsInWorktree() || debate.worktreePath() == null) return debate.workDir();
        return debate.actingDir() + " (a worktree on branch " + debate.branch()
                + ", shared by the post-action, review and refinements; what is left there is committed and proposed as a pull request)";
    }

    private void answer(StringBuilder p, String heading, StepState turn) {
        p.append("\n## ").append(heading).append('\n');
        if (turn == null) {
            p.append("(none)\n");
            return;
        }
        Verdict verdict = DebateDecisions.verdictOf(turn);
        p.append("Verdict: ").append(verdict == null ? "(none)" : verdict.wireName())
                .append(turn.step().verdict() == null ? " (no verdict given)" : "").append('\n')
                .append("Position: ").append(quote(DebateDecisions.positionOf(turn))).append('\n')
                .append("Full answer:\n").append(quote(turn.resultText())).append('\n');
    }

    private void previousLoop(StringBuilder p, Debate debate, int loop, List<StepState> steps) {
        List<StepState> ofLoop = steps.stream().filter(s -> s.step().loop() == loop).toList();
        p.append("\n## The previous loop (loop ").append(loop).append(")\n")
                .append(quote(DebateDecisions.loopResult(debate, loop, ofLoop).conclusion())).append('\n');
        Optional<StepState> acted = DebateDecisions.actingResult(ofLoop);
        acted.ifPresent(a -> p.append("\n### What was done with it\n").append(quote(a.resultText())).append('\n'));
        // The work dir does not hold those changes: they are on the debate's branch, in its worktree.
        if (acted.isPresent() && debate.actsInWorktree() && debate.worktreePath() != null) {
            p.append("Its changes are in ").append(debate.worktreePath()).append(" (branch ").append(debate.branch())
                    .append("), not in the work dir.\n");
        }
    }

    private String quote(String text) {
        if (text == null || text.isBlank()) return "(nothing)";
        return text.length() > maxQuoted ? text.substring(0, maxQuoted) + "\n[… cut]" : text;
    }
}

package dev.autodev.agents;

import java.math.BigDecimal;
import java.util.Optional;

/** Decides how a run ended from why it stopped, what the CLI reported and its exit code. */
final class RunOutcomes {

    private RunOutcomes() {}

    static RunOutcome decide(LaunchPlan plan, StopReason stop, String finishResult, OutputParser parser, int exitCode,
                             String stderrTail) {
        String resultText = parser.result().map(FinalResult::text).orElse(null);
        if (stop != null) {
            return switch (stop) {
                case FINISHED -> new RunOutcome(RunStatus.DONE, stop, finishResult != null ? finishResult : resultText, null, exitCode);
                case CANCEL -> new RunOutcome(RunStatus.CANCELLED, stop, resultText, "cancelled", exitCode);
                case REQUEUE -> new RunOutcome(RunStatus.CANCELLED, stop, resultText, "stopped to requeue the job", exitCode);
                case SHUTDOWN -> new RunOutcome(RunStatus.CANCELLED, stop, resultText, "stopped because the server shut down", exitCode);
                case TIME_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, resultText,
                        "time limit reached: stopped after " + plan.timeLimit().toSeconds() + " s", exitCode);
                case BUDGET_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, resultText, budgetMessage(plan, parser), exitCode);
            };
        }
        Optional<FinalResult> result = parser.result();
        if (result.isPresent() && !result.get().isError() && exitCode == 0) {
            return new RunOutcome(RunStatus.DONE, null, resultText, null, exitCode);
        }
        return new RunOutcome(RunStatus.FAILED, null, resultText, failureMessage(plan, parser, exitCode, stderrTail), exitCode);
    }

    private static String failureMessage(LaunchPlan plan, OutputParser parser, int exitCode, String stderrTail) {
        Optional<FinalResult> result = parser.result();
        if (result.isPresent()) {
            String subtype = result.get().subtype();
            if (subtype.equals("error_max_turns")) return "turn limit reached (" + plan.maxTurns() + " turns)";
            if (subtype.contains("budget")) return budgetMessage(plan, parser);
        }
        Optional<String> error = parser.lastError().filter(e -> !e.isBlank());
        if (error.isPresent()) return error.get();
        if (!stderrTail.isBlank()) return "exited with code " + exitCode + ": " + stderrTail;
        return "exited with code " + exitCode + " without a result";
    }

    private static String budgetMessage(LaunchPlan plan, OutputParser parser) {
        String limit = plan.budgetUsd() == null ? "?" : BigDecimal.valueOf(plan.budgetUsd()).toPlainString();
        return "budget reached: limit $" + limit + ", spent $" + String.format("%.4f", parser.progress().costUsd());
    }
}

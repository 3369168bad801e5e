package dev.autodev.agents;

import java.math.BigDecimal;
import java.util.Optional;

/** Decides how a run ended from why it stopped, what the CLI reported and its exit code. */
final class RunOutcomes {

    private RunOutcomes() {}

    /**
     * @param exitCode the process's exit code, or null when it is unknown (a run taken over from an earlier server
     *                 is not this JVM's child, so only its output tells how it ended)
     */
    static RunOutcome decide(LiveRun run, OutputParser parser, Integer exitCode, String stderrTail) {
        LaunchPlan plan = run.plan;
        StopReason stop = run.stopReason();
        String resultText = parser.result().map(FinalResult::text).orElse(null);
        if (stop != null) {
            return switch (stop) {
                case FINISHED -> new RunOutcome(RunStatus.DONE, stop, run.finishResult() != null ? run.finishResult() : resultText,
                        null, exitCode, null);
                case CANCEL -> RunOutcome.cancelled(stop, resultText, "cancelled");
                case REQUEUE -> RunOutcome.cancelled(stop, resultText, "stopped to requeue the job");
                case SHUTDOWN -> RunOutcome.cancelled(stop, resultText, "stopped because the server shut down");
                case TIME_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, resultText,
                        "time limit reached: stopped after " + plan.timeLimit().toSeconds() + " s", exitCode, FailureKind.TIMEOUT);
                case BUDGET_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, resultText, budgetMessage(plan, parser), exitCode, FailureKind.BUDGET);
                case TURN_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, resultText, turnLimitMessage(plan), exitCode, FailureKind.BUDGET);
                case AUTH_FAILED -> new RunOutcome(RunStatus.FAILED, stop, resultText,
                        run.stopMessage() != null ? run.stopMessage() : "the model provider refused the credentials",
                        exitCode, FailureKind.AUTH);
            };
        }
        Optional<FinalResult> result = parser.result();
        if (result.isPresent() && !result.get().isError() && (exitCode == null || exitCode == 0)) {
            return new RunOutcome(RunStatus.DONE, null, resultText, null, exitCode, null);
        }
        String message = failureMessage(plan, parser, exitCode, stderrTail);
        FailureKind kind = FailureClassifier.classify(null, result.map(FinalResult::subtype).orElse(null),
                message + "\n" + stderrTail, result.isPresent(), exitCode);
        return new RunOutcome(RunStatus.FAILED, null, resultText, message, exitCode, kind);
    }

    private static String failureMessage(LaunchPlan plan, OutputParser parser, Integer exitCode, String stderrTail) {
        Optional<FinalResult> result = parser.result();
        if (result.isPresent()) {
            String subtype = result.get().subtype();
            if (subtype.equals("error_max_turns")) return turnLimitMessage(plan);
            if (subtype.contains("budget")) return budgetMessage(plan, parser);
        }
        Optional<String> error = parser.lastError().filter(e -> !e.isBlank());
        if (error.isPresent()) return error.get();
        String exit = exitCode == null ? "ended" : "exited with code " + exitCode;
        if (!stderrTail.isBlank()) return exit + ": " + stderrTail;
        return exit + " without a result";
    }

    /** Why a run stopped as {@link StopReason#AUTH_FAILED}: the provider's answer, and what to check. */
    static String credentialsRefused(ProviderRetry retry, String hint) {
        return "the model provider refused the credentials (" + retry.describe() + "), so the run was stopped instead of"
                + " waiting for the CLI's retries; " + hint;
    }

    private static String turnLimitMessage(LaunchPlan plan) {
        return "turn limit reached (" + plan.maxTurns() + " turns)";
    }

    private static String budgetMessage(LaunchPlan plan, OutputParser parser) {
        String limit = plan.budgetUsd() == null ? "?" : BigDecimal.valueOf(plan.budgetUsd()).toPlainString();
        return "budget reached: limit $" + limit + ", spent $" + String.format("%.4f", parser.progress().costUsd());
    }
}

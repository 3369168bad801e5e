package dev.autodev.agents;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells the kind of a failure from what the run left behind: why the orchestrator stopped it, the CLI's final
 * summary (its subtype and text), stderr, and whether the CLI got as far as printing a summary at all.
 */
final class FailureClassifier {

    private static final Pattern RATE_LIMIT = Pattern.compile("\\b429\\b|rate[ _-]?limit|too many requests|usage limit");
    private static final Pattern OVERLOADED = Pattern.compile("\\b529\\b|overloaded|\\b50[0234]\\b|server[ _-]error|api_error|service unavailable");
    private static final Pattern AUTH = Pattern.compile("\\b401\\b|\\b403\\b|authenticat|not logged in|invalid api key|unauthorized|permission denied.*api");
    private static final Pattern CONTEXT = Pattern.compile("context (window|length)|prompt is too long|too many tokens|maximum context|context_length_exceeded");
    private static final Pattern TOOL = Pattern.compile("tool (call )?(failed|error)|tool_error");

    private FailureClassifier() {}

    static FailureKind classify(StopReason stop, String subtype, String message, boolean hadResult, Integer exitCode) {
        if (stop != null) {
            return switch (stop) {
                case CANCEL, REQUEUE, SHUTDOWN -> FailureKind.CANCELLED;
                case TIME_LIMIT -> FailureKind.TIMEOUT;
                case BUDGET_LIMIT, TURN_LIMIT -> FailureKind.BUDGET;
                case AUTH_FAILED -> FailureKind.AUTH;
                case FINISHED -> null;
            };
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String kind = subtype == null ? "" : subtype;
        if (kind.contains("budget") || kind.equals("error_max_turns")) return FailureKind.BUDGET;
        if (RATE_LIMIT.matcher(text).find()) return FailureKind.RATE_LIMIT;
        if (AUTH.matcher(text).find()) return FailureKind.AUTH;
        if (CONTEXT.matcher(text).find()) return FailureKind.CONTEXT_OVERFLOW;
        if (OVERLOADED.matcher(text).find()) return FailureKind.OVERLOADED;
        if (TOOL.matcher(text).find()) return FailureKind.TOOL_ERROR;
        if (!hadResult) return FailureKind.CLI_CRASH;
        return FailureKind.UNKNOWN;
    }
}

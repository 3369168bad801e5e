package dev.autodev.jobs;

import java.util.Optional;

/**
 * A condition a run must meet, after the agent reports success, before its job counts as done. Written as a string on
 * the job: {@code diff_not_empty}, {@code no_error_in_output} or {@code custom_command:<shell command>}.
 *
 * @param command the shell command of a custom check; null for the built-in kinds
 */
public record CompletionCheck(Kind kind, String command) {

    public static final String CUSTOM_PREFIX = "custom_command:";

    public enum Kind {
        /** The run changed something since its base commit (committed or not, untracked files included). */
        DIFF_NOT_EMPTY,
        /** No error event, and no failed tool result among the run's last events. */
        NO_ERROR_IN_OUTPUT,
        /** A shell command run in the work dir exits 0. */
        CUSTOM_COMMAND
    }

    public static Optional<CompletionCheck> parse(String text) {
        if (text == null) return Optional.empty();
        if (text.equals("diff_not_empty")) return Optional.of(new CompletionCheck(Kind.DIFF_NOT_EMPTY, null));
        if (text.equals("no_error_in_output")) return Optional.of(new CompletionCheck(Kind.NO_ERROR_IN_OUTPUT, null));
        if (text.startsWith(CUSTOM_PREFIX) && !text.substring(CUSTOM_PREFIX.length()).isBlank()) {
            return Optional.of(new CompletionCheck(Kind.CUSTOM_COMMAND, text.substring(CUSTOM_PREFIX.length())));
        }
        return Optional.empty();
    }

    /** The check as written on the job. */
    public String text() {
        return switch (kind) {
            case DIFF_NOT_EMPTY -> "diff_not_empty";
            case NO_ERROR_IN_OUTPUT -> "no_error_in_output";
            case CUSTOM_COMMAND -> CUSTOM_PREFIX + command;
        };
    }
}

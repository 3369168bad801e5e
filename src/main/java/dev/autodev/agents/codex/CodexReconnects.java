package dev.autodev.agents.codex;

import dev.autodev.agents.ProviderRetry;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Codex's retry notices. Codex 0.169.0 reports a retry of its model stream only as a top-level {@code error}
 * event, {@code Reconnecting... 1/5 (unexpected status 401 Unauthorized: MESSAGE, url: URL)}: attempt and maximum
 * ({@code stream_max_retries}), and the provider's answer. For an HTTP error that answer names the status; for a
 * 5xx Codex puts its own sentence there instead ("We're currently experiencing high demand..."), so the status is
 * unknown. It never says how long it waits. Retries of the request itself ({@code request_max_retries}) are silent,
 * and a 429 is not retried at all: the turn fails at once with "exceeded retry limit, last status: 429".
 */
final class CodexReconnects {

    private static final Pattern RECONNECTING = Pattern.compile("^Reconnecting\\.\\.\\.\\s+(\\d+)/(\\d+)(?:\\s+\\((.*)\\))?\\s*$",
            Pattern.DOTALL);
    private static final Pattern UNEXPECTED_STATUS = Pattern.compile("^unexpected status (\\d{3})\\s*");
    private static final Pattern URL_SUFFIX = Pattern.compile(",\\s*url:\\s*\\S+\\s*$");

    private CodexReconnects() {}

    /** The retry an {@code error} event's message announces, or empty when it is a real error. */
    static Optional<ProviderRetry> read(String message, Instant at) {
        if (message == null) return Optional.empty();
        Matcher reconnecting = RECONNECTING.matcher(message.strip());
        if (!reconnecting.matches()) return Optional.empty();
        String detail = reconnecting.group(3) == null ? "" : URL_SUFFIX.matcher(reconnecting.group(3).strip()).replaceFirst("");
        Integer status = null;
        Matcher unexpected = UNEXPECTED_STATUS.matcher(detail);
        if (unexpected.find()) {
            status = Integer.parseInt(unexpected.group(1));
            detail = detail.substring(unexpected.end());
        }
        return Optional.of(new ProviderRetry(status, detail.isBlank() ? null : detail,
                Integer.parseInt(reconnecting.group(1)), Integer.parseInt(reconnecting.group(2)), null, at));
    }
}

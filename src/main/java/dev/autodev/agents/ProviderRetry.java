package dev.autodev.agents;

import java.time.Instant;

/**
 * The model provider refused a call and the agent CLI is about to try it again: a fact about a live run that holds
 * until the model answers again or the run ends. Claude Code reports each retry with its status and delay; Codex
 * reports a reconnect with its attempt count and, for HTTP errors, the status, but no delay.
 *
 * @param status      the provider's HTTP status (e.g. 429, 401), or null when the CLI did not name one
 * @param error       the CLI's word for the error (e.g. {@code rate_limit}, {@code authentication_failed}), or its
 *                    message
 * @param attempt     which retry this is, from 1
 * @param maxAttempts how many retries the CLI will make in all, or null when it did not say
 * @param delayMs     how long the CLI waits before this retry, or null when it did not say
 * @param at          when the orchestrator read the retry from the CLI's output
 */
public record ProviderRetry(Integer status, String error, int attempt, Integer maxAttempts, Long delayMs, Instant at) {

    /**
     * Whether the provider refused the credentials (HTTP 401 or 403). Retrying cannot fix that, so the orchestrator
     * stops the run at once rather than wait out the CLI's retries.
     */
    public boolean credentialsRefused() {
        return status != null && (status == 401 || status == 403);
    }

    /** "HTTP 401 authentication_failed", or just the error when there is no status. */
    public String describe() {
        if (status == null) return error == null ? "an error" : error;
        return "HTTP " + status + (error == null || error.isBlank() ? "" : " " + error);
    }

    /** The line a run's output shows: "provider answered HTTP 429 rate_limit; retry 3 of 10 in 2381 ms". */
    public String summary() {
        return "provider answered " + describe() + "; retry " + attempt + (maxAttempts == null ? "" : " of " + maxAttempts)
                + (delayMs == null ? "" : " in " + delayMs + " ms");
    }
}

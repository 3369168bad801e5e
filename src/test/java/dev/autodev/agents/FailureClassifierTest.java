package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void stopReasonsDecideFirst() {
        assertThat(FailureClassifier.classify(StopReason.TIME_LIMIT, null, "429", true, 0)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureClassifier.classify(StopReason.CANCEL, null, null, false, null)).isEqualTo(FailureKind.CANCELLED);
        assertThat(FailureClassifier.classify(StopReason.BUDGET_LIMIT, null, null, false, null)).isEqualTo(FailureKind.BUDGET);
        assertThat(FailureClassifier.classify(StopReason.AUTH_FAILED, null, null, false, 143)).isEqualTo(FailureKind.AUTH);
    }

    @Test
    void theFinalErrorsOfExhaustedRetriesAreClassified() {
        // Captured from Claude Code 2.1.197 and Codex 0.169.0 once their retries had run out.
        assertThat(kind("API Error: Request rejected (429) · capture 429 rate_limit_error")).isEqualTo(FailureKind.RATE_LIMIT);
        assertThat(kind("Failed to authenticate. API Error: 401 capture 401 authentication_error")).isEqualTo(FailureKind.AUTH);
        assertThat(kind("Failed to authenticate. API Error: 403 capture 403 permission_error")).isEqualTo(FailureKind.AUTH);
        assertThat(kind("rate limited by the model provider (HTTP 429): exceeded retry limit, last status: 429 Too Many Requests"))
                .isEqualTo(FailureKind.RATE_LIMIT);
        assertThat(kind("unexpected status 403 Forbidden: capture 403 permission_denied, url: http://127.0.0.1:42405/v1/responses"))
                .isEqualTo(FailureKind.AUTH);
    }

    @Test
    void messagesAreReadForTheProvidersWords() {
        assertThat(kind("API Error: Request rejected (429) · slow down")).isEqualTo(FailureKind.RATE_LIMIT);
        assertThat(kind("API Error: 529 Overloaded")).isEqualTo(FailureKind.OVERLOADED);
        assertThat(kind("Failed to authenticate. API Error: 401 invalid x-api-key")).isEqualTo(FailureKind.AUTH);
        assertThat(kind("Not logged in · Please run /login")).isEqualTo(FailureKind.AUTH);
        assertThat(kind("prompt is too long: 210000 tokens > 200000 maximum")).isEqualTo(FailureKind.CONTEXT_OVERFLOW);
        assertThat(kind("something odd")).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void noSummaryMeansTheCliCrashed() {
        assertThat(FailureClassifier.classify(null, null, "exited with code 137 without a result", false, 137))
                .isEqualTo(FailureKind.CLI_CRASH);
    }

    @Test
    void spendingCapsAreBudget() {
        assertThat(FailureClassifier.classify(null, "error_max_budget_usd", "", true, 1)).isEqualTo(FailureKind.BUDGET);
        assertThat(FailureClassifier.classify(null, "error_max_turns", "", true, 1)).isEqualTo(FailureKind.BUDGET);
    }

    private static FailureKind kind(String message) {
        return FailureClassifier.classify(null, "success", message, true, 1);
    }
}

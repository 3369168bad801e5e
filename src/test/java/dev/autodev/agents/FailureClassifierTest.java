package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void stopReasonsDecideFirst() {
        assertThat(FailureClassifier.classify(StopReason.TIME_LIMIT, null, "429", true, 0)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureClassifier.classify(StopReason.CANCEL, null, null, false, null)).isEqualTo(FailureKind.CANCELLED);
        assertThat(FailureClassifier.classify(StopReason.BUDGET_LIMIT, null, null, false, null)).isEqualTo(FailureKind.BUDGET);
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

package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a run's end is judged from why it stopped and what its CLI printed last. */
class RunOutcomesTest {

    private static final LaunchPlan PLAN = new LaunchPlan("run-1", "job-1", "claude-sonnet-4-6", Path.of("/tmp"), "p",
            null, null, null, "s-1", null, "token");
    private static final ProviderRetry REFUSED = new ProviderRetry(401, "authentication_failed", 1, 10, 573L,
            Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aRunStoppedForRefusedCredentialsFailsAsAuthWithWhatToCheck() {
        LiveRun run = new LiveRun(PLAN);
        run.requestStop(StopReason.AUTH_FAILED, RunOutcomes.credentialsRefused(REFUSED, "check the key or `claude /login`"));

        RunOutcome outcome = RunOutcomes.decide(run, parser(null, null), 143, "");

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failureKind()).isEqualTo(FailureKind.AUTH);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.AUTH_FAILED);
        assertThat(outcome.errorMessage()).isEqualTo("the model provider refused the credentials (HTTP 401 authentication_failed),"
                + " so the run was stopped instead of waiting for the CLI's retries; check the key or `claude /login`");
    }

    @Test
    void aRunThatUsedUpItsRateLimitRetriesIsRateLimited() {
        // What Claude Code 2.1.197 reports once its retries of a 429 have run out (see ClaudeStreamParserTest).
        String finalError = "API Error: Request rejected (429) · capture 429 rate_limit_error";
        RunOutcome outcome = RunOutcomes.decide(new LiveRun(PLAN),
                parser(new FinalResult(true, "success", finalError), finalError), 1, "");

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.failureKind()).isEqualTo(FailureKind.RATE_LIMIT);
        assertThat(outcome.errorMessage()).isEqualTo(finalError);
    }

    @Test
    void aCodexTurnThatFailedOnA401AfterItsRetriesIsAuth() {
        String finalError = "unexpected status 401 Unauthorized: capture 401 invalid_api_key, url: http://127.0.0.1:45451/v1/responses";
        RunOutcome outcome = RunOutcomes.decide(new LiveRun(PLAN), parser(new FinalResult(true, "error", finalError), finalError), 1, "");

        assertThat(outcome.failureKind()).isEqualTo(FailureKind.AUTH);
    }

    private static OutputParser parser(FinalResult result, String lastError) {
        return new OutputParser() {
            @Override
            public java.util.List<ParsedEvent> parse(String line) {
                return java.util.List.of();
            }

            @Override
            public RunProgress progress() {
                return new RunProgress("s-1", 1, 0, 0, 0, null);
            }

            @Override
            public Optional<FinalResult> result() {
                return Optional.ofNullable(result);
            }

            @Override
            public Optional<String> lastError() {
                return Optional.ofNullable(lastError);
            }
        };
    }
}

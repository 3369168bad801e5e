package dev.autodev.agents;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.LiveFeed;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Provider retries through the real CLIs with their own retry settings, as users have them. The shared test server
 * turns Claude Code's retries off ({@code CLAUDE_CODE_MAX_RETRIES=0}) and Codex's too, so this class gets a server of
 * its own (and a database of its own, so neither server takes over the other's runs).
 */
class ProviderRetriesEndToEndTest extends AgentIntegrationTest {

    @DynamicPropertySource
    static void cliDefaultRetries(DynamicPropertyRegistry registry) {
        overrideServerProperty(registry, "autodev.storage.db-path", () -> ROOT.resolve("provider-retries-test.db").toString());
        dropServerProperty(registry, "autodev.agents.env[CLAUDE_CODE_MAX_RETRIES]");
        List<String> codexConfig = OPENAI.codexConfigWithDefaultRetries();
        for (int i = 0; i < codexConfig.size(); i++) {
            String value = codexConfig.get(i);
            overrideServerProperty(registry, "autodev.agents.codex-config[" + i + "]", () -> value);
        }
    }

    @Test
    void aRefusedApiKeyFailsTheJobAsAuthAtTheFirstRetry() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(401, "authentication_error", "invalid x-api-key"));

        String jobId = createJob(aJob("Refused " + marker)).get("id").asString();

        // Claude Code alone would retry for minutes (ten times, backing off to about 30 s).
        JsonNode job = awaitFailedWithin(Duration.ofSeconds(20), jobId);
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("failureKind").asString()).isEqualTo("auth");
        assertThat(run.get("errorMessage").asString())
                .contains("refused the credentials (HTTP 401 authentication_failed)", "claude /login");
        assertThat(run.get("retrying").isNull()).as("a run that ended waits on no retry").isTrue();
        assertThat(job.get("statusReason").asString()).contains("HTTP 401");
        assertThat(MODEL.requestsFor(marker)).as("stopped at the first retry").hasSizeLessThanOrEqualTo(2);
        assertThat(outputTexts(run.get("id").asString()))
                .anyMatch(text -> text.startsWith("provider answered HTTP 401 authentication_failed; retry 1 of 10"));
    }

    @Test
    void aRateLimitedCallShowsItsRetryWhileClaudeWaitsAndClearsItWhenTheModelAnswers() throws Exception {
        String marker = newMarker();
        // Two 429s, then an answer that takes a while: the run waits on its second retry for seconds.
        MODEL.script(marker, Step.text("answered after retries").afterDelay(Duration.ofSeconds(5))
                .afterFailing(2, Step.error(429, "rate_limit_error", "slow down")));

        try (LiveFeed feed = LiveFeed.connect(localPort())) {
            String jobId = createJob(aJob("Rate limited " + marker)).get("id").asString();
            String runId = awaitRun(jobId, "running").get("id").asString();

            JsonNode retrying = awaitRetry(runId, 2);
            assertThat(retrying.get("status").asInt()).isEqualTo(429);
            assertThat(retrying.get("error").asString()).isEqualTo("rate_limit");
            assertThat(retrying.get("maxAttempts").asInt()).isEqualTo(10);
            assertThat(retrying.get("delayMs").asLong()).isPositive();
            assertThat(retrying.get("at").asString()).isNotBlank();
            assertThat(runOf(job(jobId), runId).get("retrying").get("attempt").asInt()).isEqualTo(2);
            assertThat(runOf(api.get("/api/live/snapshot").body(), runId).get("retrying").get("status").asInt()).isEqualTo(429);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(feed.runRows(runId))
                    .anyMatch(row -> row.get("retrying").isObject() && row.get("retrying").get("attempt").asInt() == 2));

            JsonNode run = awaitJob(jobId, "done", "failed").get("runs").get(0);
            assertThat(run.get("status").asString()).isEqualTo("done");
            assertThat(run.get("resultText").asString()).isEqualTo("answered after retries");
            assertThat(run.get("retrying").isNull()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(feed.runRows(runId).toList().getLast()
                    .get("retrying").isNull()).isTrue());
        }
        assertThat(MODEL.requestsFor(marker)).hasSize(3);
    }

    @Test
    void aCodexProviderRefusingTheKeyFailsTheJobAsAuthAtItsFirstReconnect() {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.error(401, "invalid_api_key", "Incorrect API key provided"));

        String jobId = createJob(aJob("Refused " + marker).with("model", "codex")).get("id").asString();

        JsonNode run = awaitFailedWithin(Duration.ofSeconds(20), jobId).get("runs").get(0);
        assertThat(run.get("failureKind").asString()).isEqualTo("auth");
        assertThat(run.get("errorMessage").asString())
                .contains("refused the credentials (HTTP 401 Unauthorized: Incorrect API key provided)", "codex login");
        // Codex makes a first call and 5 retries of it when left alone.
        assertThat(OPENAI.requestsFor(marker)).as("stopped before its retries ran out").hasSizeLessThan(6);
    }

    private JsonNode awaitFailedWithin(Duration limit, String jobId) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            job[0] = job(jobId);
            assertThat(job[0].get("status").asString()).isEqualTo("failed");
        });
        return job[0];
    }

    /** Waits until GET /api/agents/{id} shows the run waiting on retry {@code attempt}, and returns that fact. */
    private JsonNode awaitRetry(String runId, int attempt) {
        JsonNode[] retrying = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            retrying[0] = api.get("/api/agents/" + runId).body().get("retrying");
            assertThat(retrying[0].isObject()).isTrue();
            assertThat(retrying[0].get("attempt").asInt()).isEqualTo(attempt);
        });
        return retrying[0];
    }

    private static JsonNode runOf(JsonNode holder, String runId) {
        return holder.get("runs").valueStream().filter(run -> run.get("id").asString().equals(runId)).findFirst().orElseThrow();
    }

    private List<String> outputTexts(String runId) {
        return api.get("/api/agents/" + runId + "/output?limit=500").body().get("events").valueStream()
                .map(event -> event.path("text").asString("")).toList();
    }
}

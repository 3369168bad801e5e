package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every failed run is given a kind, told from the real CLI's output, stderr and exit code. */
class FailureKindsTest extends AgentIntegrationTest {

    @ParameterizedTest(name = "HTTP {0} -> {2}")
    @CsvSource({
            "429, rate_limit_error, rate_limit",
            "529, overloaded_error, overloaded",
            "401, authentication_error, auth",
            "500, api_error, overloaded"})
    void providerErrorsAreClassified(int status, String errorType, String kind) {
        String marker = newMarker();
        MODEL.script(marker, Step.error(status, errorType, "scripted " + errorType));

        JsonNode run = awaitJob(createJob(aJob("Fail " + marker)).get("id").asString(), "failed").get("runs").get(0);

        assertThat(run.get("failureKind").asString()).isEqualTo(kind);
    }

    @Test
    void aCliThatDiesMidRunIsACrash() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("never").afterDelay(Duration.ofSeconds(60)));
        String id = createJob(aJob("Die " + marker)).get("id").asString();
        long pid = awaitRun(id, "running").get("pid").asLong();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        JsonNode run = awaitJob(id, "failed").get("runs").get(0);
        assertThat(run.get("failureKind").asString()).isEqualTo("cli_crash");
        assertThat(run.get("errorMessage").asString()).contains("without a result");
    }

    @Test
    void limitsAndCancelsHaveTheirOwnKinds() {
        String slow = newMarker();
        MODEL.script(slow, Step.text("late").afterDelay(Duration.ofSeconds(60)));
        JsonNode timedOut = awaitJob(createJob(aJob("Slow " + slow).withStop("time", 0.02)).get("id").asString(), "failed");
        assertThat(timedOut.get("runs").get(0).get("failureKind").asString()).isEqualTo("timeout");

        String id = createJob(aJob("Cancel me " + slow)).get("id").asString();
        awaitRun(id, "running");
        JsonNode cancelled = api.post("/api/jobs/" + id + "/cancel", null).body();
        assertThat(cancelled.get("runs").get(0).get("failureKind").asString()).isEqualTo("cancelled");
    }

    @Test
    void aSuccessfulRunHasNoFailureKind() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("fine"));
        JsonNode run = awaitJob(createJob(aJob("Fine " + marker)).get("id").asString(), "done").get("runs").get(0);
        assertThat(run.get("failureKind").isNull()).isTrue();
    }
}

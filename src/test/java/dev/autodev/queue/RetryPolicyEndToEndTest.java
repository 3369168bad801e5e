package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A failed job's retry policy queues another attempt, after a diagnosis when asked. */
class RetryPolicyEndToEndTest extends AgentIntegrationTest {

    /** Fails the first time it runs in a directory (printing {@code output}), passes after. */
    private static String failsOnce(String output) {
        return "custom_command:test -e .tried || { touch .tried; echo '" + output + "'; exit 1; }";
    }

    @Test
    void sameRetryQueuesAnIdenticalCopyThatCanSucceed() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Done, I think."));

        JsonNode first = awaitJob(createJob(aJob("Flaky work " + marker).inDir(newWorkDir().toString())
                .with("completionChecks", List.of(failsOnce("flaky failure"))).with("retryPolicy", "same")).get("id").asString(),
                "failed");
        assertThat(first.get("maxRetries").asInt()).isEqualTo(1);
        JsonNode retry = awaitRetryOf(first.get("id").asString());
        assertThat(first.get("statusReason").asString()).contains("flaky failure").contains("retried as job " + retry.get("id").asString());

        JsonNode finished = awaitJob(retry.get("id").asString(), "done", "failed");
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("done");
        assertThat(finished.get("attempt").asInt()).isEqualTo(2);
        assertThat(finished.get("description").asString()).isEqualTo(first.get("description").asString());
        assertThat(finished.get("retryPolicy").asString()).isEqualTo("same");
        assertThat(finished.get("completionChecks").get(0).asString()).isEqualTo(failsOnce("flaky failure"));
    }

    @Test
    void sameRetryStopsAfterMaxRetries() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Done."));

        JsonNode first = awaitJob(createJob(aJob("Always broken " + marker)
                .with("completionChecks", List.of("custom_command:exit 1")).with("retryPolicy", "same")
                .with("maxRetries", 1)).get("id").asString(), "failed");
        JsonNode retry = awaitJob(awaitRetryOf(first.get("id").asString()).get("id").asString(), "failed");

        assertThat(retry.get("statusReason").asString()).contains("not retried: 1 retries used");
        assertThat(findRetryOf(retry.get("id").asString())).isEmpty();
    }

    @Test
    void authFailuresAreNotRetried() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(401, "authentication_error", "invalid x-api-key"));

        JsonNode job = awaitJob(createJob(aJob("No credentials " + marker).with("retryPolicy", "same")).get("id").asString(), "failed");

        assertThat(job.get("runs").get(0).get("failureKind").asString()).isEqualTo("auth");
        assertThat(job.get("statusReason").asString()).contains("not retried: an auth failure");
        assertThat(findRetryOf(job.get("id").asString())).isEmpty();
    }

    @Test
    void analyzeRetryRunsADiagnosisAndPassesItToTheRetry() {
        String jobMarker = newMarker();
        String diagnosisMarker = newMarker();
        // The small model is asked with the job's description and its failure's output, which holds this marker.
        MODEL.answerQuestions(diagnosisMarker, Step.text("Diagnosis: the marker file was missing; it is there now."));
        MODEL.script(jobMarker, Step.text("Finished the job."));

        JsonNode first = awaitJob(createJob(aJob("Needs analysis " + jobMarker).inDir(newWorkDir().toString())
                .with("completionChecks", List.of(failsOnce("broken: " + diagnosisMarker)))
                .with("retryPolicy", "analyze")).get("id").asString(), "failed");
        JsonNode retry = awaitRetryOf(first.get("id").asString());
        JsonNode finished = awaitJob(retry.get("id").asString(), "done", "failed");

        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("done");
        assertThat(finished.get("context").get("diagnosis").asString())
                .isEqualTo("Diagnosis: the marker file was missing; it is there now.");
        List<RecordedRequest> diagnosis = MODEL.questionsFor(diagnosisMarker);
        assertThat(diagnosis).isNotEmpty();
        assertThat(diagnosis.getFirst().model()).isEqualTo("claude-haiku-4-5");
        assertThat(diagnosis.getFirst().firstUserText()).contains("Failure kind: check_failed").contains("Needs analysis");
        assertThat(first.get("statusReason").asString()).contains("diagnosing the failure before retrying");
        assertThat(api.get("/api/jobs?size=500").body().get("items").valueStream()
                .filter(j -> j.path("title").asString("").startsWith("Diagnose:"))
                .filter(j -> j.path("description").asString("").contains(jobMarker)).toList())
                .as("the diagnosis is a question to the small model, not a job").isEmpty();
        List<RecordedRequest> retried = MODEL.requestsFor(jobMarker).stream()
                .filter(r -> r.firstUserText().contains("## Context")).toList();
        assertThat(retried).isNotEmpty();
        assertThat(retried.getFirst().firstUserText()).contains("diagnosis: Diagnosis: the marker file was missing");
    }

    @Test
    void analyzeRetryIsQueuedEvenWhenTheDiagnosisFails() {
        String jobMarker = newMarker();
        String diagnosisMarker = newMarker();
        MODEL.answerQuestions(diagnosisMarker, Step.error(500, "api_error", "the small model is down"));
        MODEL.script(jobMarker, Step.text("Finished the job."));

        JsonNode first = awaitJob(createJob(aJob("Needs analysis too " + jobMarker).inDir(newWorkDir().toString())
                .with("completionChecks", List.of(failsOnce("broken: " + diagnosisMarker)))
                .with("retryPolicy", "analyze")).get("id").asString(), "failed");
        JsonNode retry = awaitRetryOf(first.get("id").asString());

        assertThat(retry.get("context").get("diagnosis").asString()).startsWith("(the diagnosis did not succeed:");
        assertThat(awaitJob(retry.get("id").asString(), "done", "failed").get("status").asString()).isEqualTo("done");
    }

    private JsonNode awaitRetryOf(String jobId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Optional<JsonNode> retry = findRetryOf(jobId);
            assertThat(retry).isPresent();
            found[0] = retry.get();
        });
        return found[0];
    }

    private Optional<JsonNode> findRetryOf(String jobId) {
        JsonNode page = api.get("/api/jobs?size=500").body();
        return page.get("items").valueStream()
                .filter(j -> jobId.equals(j.path("retryOfJobId").asString("")))
                .findFirst();
    }
}

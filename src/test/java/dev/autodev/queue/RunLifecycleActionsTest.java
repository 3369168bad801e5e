package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancel, continue, requeue, retry and the stop modes, on runs of the real CLI. */
class RunLifecycleActionsTest extends AgentIntegrationTest {

    @Test
    void cancellingARunningJobStopsItsProcess() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("never seen").afterDelay(Duration.ofSeconds(60)));
        String id = createJob(aJob("Think for a long time " + marker)).get("id").asString();
        JsonNode run = awaitRun(id, "running");
        long pid = run.get("pid").asLong();
        assertThat(ProcessHandle.of(pid)).isPresent();

        var response = api.post("/api/jobs/" + id + "/cancel", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("status").asString()).isEqualTo("cancelled");
        assertThat(response.body().get("runs").get(0).get("status").asString()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void cancellingAQueuedJobNeedsNoProcess() {
        String later = java.time.Instant.now().plusSeconds(3600).toString();
        String id = createJob(aJob("later " + newMarker()).with("scheduledAt", later)).get("id").asString();

        var response = api.post("/api/jobs/" + id + "/cancel", null);

        assertThat(response.body().get("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/api/jobs/" + id + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void continueResumesTheSameSession() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("The first answer is blue."), Step.text("The second answer is green."));
        String id = createJob(aJob("What colour? " + marker)).get("id").asString();
        JsonNode first = awaitJob(id, "done").get("runs").get(0);

        var response = api.post("/api/agents/" + first.get("id").asString() + "/continue", Map.of("message", "And the next one?"));

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        JsonNode job = awaitJob(id, "done");
        assertThat(job.get("runs").size()).isEqualTo(2);
        JsonNode second = job.get("runs").get(1);
        assertThat(second.get("resultText").asString()).isEqualTo("The second answer is green.");
        assertThat(second.get("sessionId").asString()).isEqualTo(first.get("sessionId").asString());
        assertThat(second.get("resumedFromId").asString()).isEqualTo(first.get("id").asString());
        List<RecordedRequest> calls = MODEL.requestsFor(marker);
        RecordedRequest resumed = calls.getLast();
        assertThat(resumed.messagesContain("The first answer is blue.")).isTrue();
        assertThat(resumed.messagesContain("And the next one?")).isTrue();
    }

    @Test
    void continueIsRefusedWhileTheRunIsActive() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("slow").afterDelay(Duration.ofSeconds(60)));
        String id = createJob(aJob("Busy " + marker)).get("id").asString();
        String runId = awaitRun(id, "running").get("id").asString();

        assertThat(api.post("/api/agents/" + runId + "/continue", Map.of("message", "hi")).status()).isEqualTo(409);
        assertThat(api.post("/api/agents/" + runId + "/continue", Map.of()).status()).isEqualTo(400);

        api.post("/api/agents/" + runId + "/cancel", null);
        awaitJob(id, "cancelled");
    }

    @Test
    void requeueStopsTheRunAndPutsTheJobBackInTheQueue() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("slow").afterDelay(Duration.ofSeconds(60)));
        String id = createJob(aJob("Requeue me " + marker)).get("id").asString();
        String runId = awaitRun(id, "running").get("id").asString();
        MODEL.script(marker, Step.text("quick this time"));

        var response = api.post("/api/agents/" + runId + "/requeue", null);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode job = awaitJob(id, "done");
        assertThat(job.get("runs").get(0).get("status").asString()).isEqualTo("cancelled");
        assertThat(job.get("runs").get(1).get("resultText").asString()).isEqualTo("quick this time");
    }

    @Test
    void retryCreatesAFreshJobWithTheSameDescription() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(500, "api_error", "flaky"));
        String id = createJob(aJob("Flaky work " + marker).withPriority(3)).get("id").asString();
        String runId = awaitJob(id, "failed").get("runs").get(0).get("id").asString();
        MODEL.script(marker, Step.text("fine now"));

        var response = api.post("/api/agents/" + runId + "/retry", null);

        assertThat(response.status()).isEqualTo(201);
        JsonNode retry = response.body();
        assertThat(retry.get("id").asString()).isNotEqualTo(id);
        assertThat(retry.get("description").asString()).isEqualTo("Flaky work " + marker);
        assertThat(retry.get("priority").asInt()).isEqualTo(3);
        assertThat(retry.get("retryOfJobId").asString()).isEqualTo(id);
        assertThat(awaitJob(retry.get("id").asString(), "done").get("status").asString()).isEqualTo("done");
    }

    @Test
    void timeStopEndsARunThatPassesItsLimit() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("too late").afterDelay(Duration.ofSeconds(60)));

        JsonNode job = awaitJob(createJob(aJob("Slow " + marker).withStop("time", 0.03)).get("id").asString(), "failed", "done");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("runs").get(0).get("errorMessage").asString()).startsWith("time limit reached");
    }

    @Test
    void budgetStopEndsARunThatSpendsTooMuch() {
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("Bash", Map.of("command", "echo one")).withUsage(1_000_000, 100),
                Step.text("should not get here"));

        JsonNode job = awaitJob(createJob(aJob("Expensive " + marker).withStop("budget", 0.5)).get("id").asString(), "failed", "done");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("errorMessage").asString()).startsWith("budget reached: limit $0.5");
        assertThat(run.get("costUsd").asDouble()).isGreaterThan(0.5);
        assertThat(run.get("inputTokens").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void turnStopEndsARunAtItsTurnCap() {
        String marker = newMarker();
        Step again = Step.toolUse("Bash", Map.of("command", "echo again"));
        MODEL.script(marker, again, again, again, again, Step.text("never reached"));

        JsonNode job = awaitJob(createJob(aJob("Loop " + marker).withMaxTurns(2)).get("id").asString(), "failed", "done");

        assertThat(job.get("runs").get(0).get("errorMessage").asString()).isEqualTo("turn limit reached (2 turns)");
    }

    @Test
    void unknownIdsAnswer404() {
        assertThat(api.get("/api/jobs/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/agents/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/agents/nope/output").status()).isEqualTo(404);
        assertThat(api.post("/api/agents/nope/cancel", null).status()).isEqualTo(404);
        assertThat(api.post("/api/jobs/nope/cancel", null).body().get("message").asString()).isEqualTo("no job with id nope");
    }
}

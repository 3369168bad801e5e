package dev.autodev.mcp;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two real Claude Code agents coordinating through the orchestrator's MCP tools. */
class AgentsCoordinateEndToEndTest extends AgentIntegrationTest {

    @Test
    void aNoteWrittenByOneAgentWakesAnotherAgentsWatch() {
        String key = "results/" + java.util.UUID.randomUUID();
        String watcher = newMarker();
        String writer = newMarker();
        MODEL.script(watcher,
                Step.toolUse("mcp__orchestrator__watch_notes", Map.of("keys", List.of(key), "timeout_ms", 60_000)),
                Step.text("saw the note"));
        MODEL.script(writer,
                Step.toolUse("mcp__orchestrator__write_note", Map.of("key", key, "value", "forty-two")),
                Step.text("wrote the note"));

        String watcherJob = createJob(aJob("Watch " + watcher)).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> MODEL.requestsFor(watcher).size() == 1);
        String writerJob = createJob(aJob("Write " + writer)).get("id").asString();

        assertThat(awaitJob(writerJob, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(awaitJob(watcherJob, "done", "failed").get("status").asString()).isEqualTo("done");
        String watched = MODEL.requestsFor(watcher).getLast().lastToolResultText();
        assertThat(watched).contains(key).contains("forty-two");
    }

    @Test
    void theSecondAgentBlocksUntilTheFirstReleasesTheFile() {
        String file = newWorkDir().resolve("shared.txt").toString();
        String first = newMarker();
        String second = newMarker();
        String mayRelease = "May I release shared.txt? " + first;
        MODEL.script(first,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(file), "reason", "first")),
                // Held until the test answers, however slow the machine: the release comes after the answer.
                Step.toolUse("mcp__orchestrator__ask_user", Map.of("question", mayRelease)),
                Step.toolUse("mcp__orchestrator__release_files", Map.of("files", List.of(file))),
                Step.text("first done"));
        MODEL.script(second,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(file), "reason", "second", "timeout_seconds", 120)),
                Step.text("second done"));

        String firstJob = createJob(aJob("Lock first " + first)).get("id").asString();
        JsonNode question = awaitPendingQuestion(mayRelease);
        String secondJob = createJob(aJob("Lock second " + second)).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.requestsFor(second).size() == 1);

        // The first agent holds the file until its question is answered: the second stays inside lock_files.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> MODEL.requestsFor(second).size() == 1);
        assertThat(job(secondJob).get("status").asString()).isEqualTo("running");
        assertThat(api.post("/api/questions/" + question.get("id").asString() + "/answer", Map.of("answer", "yes")).status())
                .isEqualTo(200);

        assertThat(awaitJob(secondJob, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(second).getLast().lastToolResultText()).contains("\"status\":\"acquired\"");
        // The first agent's release is what let the second through; it then finishes its own last turn.
        assertThat(awaitJob(firstJob, "done", "failed").get("status").asString()).isEqualTo("done");
    }

    @Test
    void agentsLockingInOppositeOrderGetDeadlockDetectedInsteadOfHanging() {
        String a = newWorkDir().resolve("a.txt").toString();
        String b = newWorkDir().resolve("b.txt").toString();
        String left = newMarker();
        String right = newMarker();
        MODEL.script(left,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(a), "reason", "left")),
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(b), "reason", "left", "timeout_seconds", 60))
                        .afterDelay(Duration.ofSeconds(1)),
                Step.text("left done"));
        MODEL.script(right,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(b), "reason", "right")),
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(a), "reason", "right", "timeout_seconds", 60))
                        .afterDelay(Duration.ofSeconds(1)),
                Step.text("right done"));

        String leftJob = createJob(aJob("Left " + left)).get("id").asString();
        String rightJob = createJob(aJob("Right " + right)).get("id").asString();

        assertThat(awaitJob(leftJob, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(awaitJob(rightJob, "done", "failed").get("status").asString()).isEqualTo("done");
        String leftSecondLock = MODEL.requestsFor(left).getLast().lastToolResultText();
        String rightSecondLock = MODEL.requestsFor(right).getLast().lastToolResultText();
        assertThat(List.of(leftSecondLock, rightSecondLock)).anySatisfy(r -> assertThat(r).contains("deadlock_detected"));
    }

    @Test
    void aQuestionAnsweredOverRestResumesTheAgent() {
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__ask_user", Map.of("question", "Which colour should the button be?")),
                Step.text("painting it"));
        String jobId = createJob(aJob("Ask " + marker)).get("id").asString();

        JsonNode question = awaitPendingQuestion("Which colour should the button be?");
        assertThat(awaitRun(jobId, "waiting_user").get("id").asString()).isEqualTo(question.get("runId").asString());
        var answered = api.post("/api/questions/" + question.get("id").asString() + "/answer", Map.of("answer", "teal"));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);

        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(marker).getLast().lastToolResultText()).contains("teal");
    }

    private JsonNode awaitPendingQuestion(String text) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode q : api.get("/api/questions?status=pending").body()) {
                if (q.get("question").asString().equals(text)) found[0] = q;
            }
            return found[0] != null;
        });
        return found[0];
    }

    private List<JsonNode> locksOn(String file) {
        return api.get("/api/locks").body().valueStream().filter(l -> l.toString().contains(file)).toList();
    }
}

package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The job tools, called over MCP by the real Claude Code CLI. */
class JobToolsTest extends AgentIntegrationTest {

    private static final Pattern JOB_ID = Pattern.compile("\"job_id\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void parentCreatesASubJobAndWaitsForItsResult() {
        String parentMarker = newMarker();
        String childMarker = newMarker();
        MODEL.script(childMarker, Step.text("child says hi"));
        MODEL.script(parentMarker,
                Step.toolUse("mcp__orchestrator__create_job", Map.of("description", "Greet " + childMarker)),
                Step.toolUse("mcp__orchestrator__wait_for_jobs",
                        request -> Map.of("job_ids", List.of(jobIdIn(request.lastToolResultText())))),
                Step.text("parent done"));
        String workDir = newWorkDir().toString();

        String parentId = createJob(aJob("Delegate " + parentMarker).inDir(workDir).with("model", "claude-opus-4-7")).get("id").asString();
        JsonNode parent = awaitJob(parentId, "done", "failed");

        assertThat(parent.get("status").asString()).as(parent.toString()).isEqualTo("done");
        RecordedRequest last = MODEL.requestsFor(parentMarker).getLast();
        assertThat(last.lastToolResultText()).contains("child says hi").contains("\"all_finished\":true");
        String childId = jobIdIn(MODEL.requestsFor(parentMarker).get(1).lastToolResultText());
        JsonNode child = job(childId);
        assertThat(child.get("parentJobId").asString()).isEqualTo(parentId);
        assertThat(child.get("model").asString()).isEqualTo("claude-opus-4-7");
        assertThat(child.get("workDir").asString()).isEqualTo(workDir);
    }

    @Test
    void waitForJobsReturnsWhatIsStillPendingAfterItsTimeout() {
        String parentMarker = newMarker();
        String slowMarker = newMarker();
        MODEL.script(slowMarker, Step.text("slow").afterDelay(Duration.ofSeconds(30)));
        MODEL.script(parentMarker,
                Step.toolUse("mcp__orchestrator__create_job", Map.of("description", "Slow " + slowMarker)),
                Step.toolUse("mcp__orchestrator__wait_for_jobs",
                        request -> Map.of("job_ids", List.of(jobIdIn(request.lastToolResultText())), "timeout_ms", 500)),
                Step.text("gave up waiting"));

        JsonNode parent = awaitJob(createJob(aJob("Impatient " + parentMarker)).get("id").asString(), "done", "failed");

        assertThat(parent.get("status").asString()).isEqualTo("done");
        String waited = MODEL.requestsFor(parentMarker).getLast().lastToolResultText();
        assertThat(waited).contains("\"all_finished\":false").contains("\"pending\"");
        api.post("/api/jobs/" + jobIdIn(MODEL.requestsFor(parentMarker).get(1).lastToolResultText()) + "/cancel", null);
    }

    @Test
    void finishJobEndsTheRunAsDoneWithItsResult() {
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__finish_job", Map.of("result", "shipped it")),
                Step.text("still talking").afterDelay(Duration.ofSeconds(60)));

        JsonNode job = awaitJob(createJob(aJob("Finish early " + marker)).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).isEqualTo("done");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("resultText").asString()).isEqualTo("shipped it");

        // The end is recorded at the call: the CLI's line with the call's answer comes later and is still recorded.
        Instant ended = Instant.parse(run.get("finishedAt").asString());
        String output = "/api/agents/" + run.get("id").asString() + "/output?limit=500";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode answer = api.get(output).body().get("events").valueStream()
                    .filter(e -> e.get("type").asString().equals("tool_result"))
                    .filter(e -> e.get("text").asString().contains("finishing")).findFirst().orElseThrow();
            assertThat(Instant.parse(answer.get("createdAt").asString())).isAfter(ended);
        });
    }

    @Test
    void reportStatusShowsOnTheRun() {
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__report_status", Map.of("message", "halfway there")),
                Step.text("done").afterDelay(Duration.ofSeconds(1)));

        String id = createJob(aJob("Report " + marker)).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode runs = job(id).get("runs");
            return runs.size() > 0 && "halfway there".equals(runs.get(0).path("statusMessage").asString(""));
        });
        awaitJob(id, "done");
    }

    private static String jobIdIn(String toolResult) {
        Matcher matcher = JOB_ID.matcher(toolResult);
        if (!matcher.find()) throw new AssertionError("no job_id in tool result: " + toolResult);
        return matcher.group(1);
    }
}

package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A job goes from POST to a recorded result through the real Claude Code CLI. */
class JobRunsEndToEndTest extends AgentIntegrationTest {

    @Test
    void jobRunsToDoneWithResultTurnsTokensAndCost() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("All done: the answer is 42.").withUsage(1200, 80));

        JsonNode created = createJob(aJob("Work out the answer " + marker).with("model", "claude-sonnet-4-6"));
        assertThat(created.get("status").asString()).isEqualTo("queued");
        assertThat(created.get("title").asString()).startsWith("Work out the answer");

        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("status").asString()).isEqualTo("done");
        assertThat(run.get("resultText").asString()).isEqualTo("All done: the answer is 42.");
        assertThat(run.get("numTurns").asInt()).isEqualTo(1);
        assertThat(run.get("inputTokens").asLong()).isEqualTo(1200);
        assertThat(run.get("outputTokens").asLong()).isEqualTo(80);
        assertThat(run.get("costUsd").asDouble()).isPositive();
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("pid").asLong()).isPositive();
        assertThat(run.get("sessionId").asString()).isNotBlank();
        assertThat(run.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void anAgentPastItsStartRunsTenStepsNicerThanTheServerWithItsTools() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("never seen").afterDelay(java.time.Duration.ofSeconds(60)));
        String id = createJob(aJob("Think for a long time " + marker)).get("id").asString();
        long pid = awaitRun(id, "running").get("pid").asLong();
        int server = niceness(ProcessHandle.current().pid());
        try {
            // Waiting for its model: its start-up is over.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> !MODEL.requestsFor(marker).isEmpty());

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> niceness(pid) == Math.min(19, server + 10));
            for (ProcessHandle tool : ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
                int nice = niceness(tool.pid());
                if (nice != GONE) assertThat(nice).as("process %s of the run", tool.pid()).isEqualTo(Math.min(19, server + 10));
            }
            assertThat(niceness(ProcessHandle.current().pid())).as("the server's own").isEqualTo(server);
        } finally {
            api.post("/api/jobs/" + id + "/cancel", null);
        }
    }

    private static final int GONE = Integer.MIN_VALUE;

    /** Field 19 of /proc/PID/stat, or {@link #GONE}. */
    private static int niceness(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (java.io.IOException e) {
            return GONE;
        }
    }

    @Test
    void outputIsParsedIntoReadableEventsAndKeptInFiles() throws Exception {
        String marker = newMarker();
        Path workDir = newWorkDir();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("hello.txt"), "reason", "write it")),
                Step.toolUse("Write", Map.of("file_path", workDir.resolve("hello.txt").toString(), "content", "hi\n")),
                Step.text("Wrote the file."));

        JsonNode created = createJob(aJob("Write hello.txt " + marker).inDir(workDir.toString()));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(workDir.resolve("hello.txt")).hasContent("hi");

        String runId = job.get("runs").get(0).get("id").asString();
        JsonNode output = api.get("/api/agents/" + runId + "/output").body();
        var types = output.get("events").valueStream().map(e -> e.get("type").asString()).toList();
        assertThat(types).contains("system", "tool_use", "tool_result", "assistant_text", "result");
        JsonNode toolUse = output.get("events").valueStream().filter(e -> e.get("type").asString().equals("tool_use"))
                .filter(e -> e.get("text").asString().equals("Write")).findFirst().orElseThrow();
        assertThat(toolUse.get("text").asString()).isEqualTo("Write");
        assertThat(toolUse.get("data").get("input").get("content").asString()).isEqualTo("hi\n");

        JsonNode firstPage = api.get("/api/agents/" + runId + "/output?limit=2").body();
        assertThat(firstPage.get("events").size()).isEqualTo(2);
        JsonNode secondPage = api.get("/api/agents/" + runId + "/output?limit=2&after=" + firstPage.get("nextAfter").asLong()).body();
        assertThat(secondPage.get("events").get(0).get("seq").asLong()).isEqualTo(3);

        Path logs = ROOT.resolve("agent-logs");
        assertThat(Files.readString(logs.resolve(runId + ".ndjson"))).contains("\"type\":\"result\"");
        assertThat(Files.readString(logs.resolve(runId + ".prompt"))).contains(marker);
    }

    @Test
    void contextKeyValuesReachThePrompt() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("ok"));

        JsonNode created = createJob(aJob("Use the context " + marker).with("context", Map.of("branch", "feature/x")));
        awaitJob(created.get("id").asString(), "done");

        assertThat(MODEL.requestsFor(marker).getFirst().firstUserText()).contains("branch: feature/x");
    }

    @Test
    void modelRateLimitFailsTheRunWithTheReason() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(429, "rate_limit_error", "Number of request tokens has exceeded your rate limit"));

        JsonNode job = awaitJob(createJob(aJob("Hit the limit " + marker)).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("errorMessage").asString()).containsIgnoringCase("rate limit");
        assertThat(job.get("statusReason").asString()).isEqualTo(run.get("errorMessage").asString());
    }

    @Test
    void modelServerErrorFailsTheRunWithTheReason() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(500, "api_error", "Internal server error"));

        JsonNode job = awaitJob(createJob(aJob("Meet a broken model " + marker)).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("runs").get(0).get("errorMessage").asString()).contains("500");
    }
}

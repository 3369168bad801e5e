package dev.autodev.agents.codex;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import dev.autodev.testsupport.fakeopenai.ResponsesRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Codex jobs through the REST API, run by the pinned real Codex CLI against the scripted OpenAI fake. */
class CodexRunsEndToEndTest extends AgentIntegrationTest {

    /**
     * For the models Codex 0.169 knows (gpt-5.5, the default here), MCP tools are deferred behind its
     * {@code tool_search} tool: the model searches first (see {@link #onItsDefaultModelCodexFindsTheOrchestratorToolsBySearching}).
     * A model it has no metadata for gets them offered directly (plus a warning item), answered with a plain
     * namespaced function call.
     */
    private static final String DIRECT_TOOLS_MODEL = "codex-gpt-5.4";

    @Test
    void codexJobRunsToDoneWithTokensAndEstimatedCost() {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.text("Codex says 42.").withUsage(1_000_000, 200_000, 100_000));

        JsonNode created = createJob(aJob("Work out the answer " + marker).with("model", "codex"));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("agentKind").asString()).isEqualTo("codex");
        assertThat(run.get("resultText").asString()).isEqualTo("Codex says 42.");
        assertThat(run.get("inputTokens").asLong()).isEqualTo(1_000_000);
        assertThat(run.get("outputTokens").asLong()).isEqualTo(100_000);
        // gpt-5 prices: 800k uncached at $1.25/M, 200k cached at $0.125/M, 100k output at $10/M.
        assertThat(run.get("costUsd").asDouble()).isCloseTo(1.0 + 0.025 + 1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.get("costEstimated").asBoolean()).isTrue();
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("numTurns").asInt()).isEqualTo(1);
        assertThat(OPENAI.requestsFor(marker)).singleElement()
                .satisfies(request -> assertThat(request.model()).isEqualTo("gpt-5.5"));

        JsonNode usage = api.get("/api/usage").body();
        JsonNode codex = usage.get("byAgent").valueStream()
                .filter(line -> line.get("agent").asString().equals("codex")).findFirst().orElseThrow();
        assertThat(codex.get("provider").asString()).isEqualTo("openai");
        assertThat(codex.get("estimatedCostUsd").asDouble()).isGreaterThanOrEqualTo(2.025 - 1e-9);
        assertThat(codex.get("inputTokens").asLong()).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void namedCodexModelReachesTheCli() {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.text("mini here"));

        JsonNode created = createJob(aJob("Which model " + marker).with("model", "codex-gpt-5-mini"));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(OPENAI.requestsFor(marker).getFirst().model()).isEqualTo("gpt-5-mini");
    }

    @Test
    void codexRunsShellCommandsAndCallsOrchestratorToolsWithItsToken() throws Exception {
        String marker = newMarker();
        Path workDir = newWorkDir();
        String noteKey = "codex/" + java.util.UUID.randomUUID();
        OPENAI.script(marker,
                ResponseStep.shell("echo codex-was-here > proof.txt && cat proof.txt"),
                ResponseStep.mcpTool("lock_files", Map.of("files", List.of("proof.txt"), "reason", "check it")),
                ResponseStep.mcpTool("write_note", Map.of("key", noteKey, "value", "from codex")),
                ResponseStep.text("Wrote the proof and the note."));

        JsonNode created = createJob(aJob("Prove it " + marker).with("model", DIRECT_TOOLS_MODEL).inDir(workDir.toString()));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(workDir.resolve("proof.txt")).hasContent("codex-was-here");
        JsonNode note = api.get("/api/notes/" + noteKey).body();
        assertThat(note.get("value").asString()).isEqualTo("from codex");

        String runId = job.get("runs").get(0).get("id").asString();
        JsonNode events = api.get("/api/agents/" + runId + "/output").body().get("events");
        List<JsonNode> toolUses = events.valueStream().filter(e -> e.get("type").asString().equals("tool_use")).toList();
        assertThat(toolUses).extracting(e -> e.get("text").asString())
                .containsExactly("shell", "mcp__orchestrator__lock_files", "mcp__orchestrator__write_note");
        assertThat(toolUses.get(0).get("data").get("input").get("command").asString()).contains("echo codex-was-here");
        assertThat(toolUses.get(2).get("data").get("input").get("key").asString()).isEqualTo(noteKey);
        List<JsonNode> results = events.valueStream().filter(e -> e.get("type").asString().equals("tool_result")).toList();
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("text").asString()).contains("codex-was-here");
        assertThat(results.get(1).get("text").asString()).contains("acquired");
        assertThat(results).allSatisfy(r -> assertThat(r.get("data").get("isError").asBoolean()).as(r.toString()).isFalse());
        assertThat(job.get("runs").get(0).get("numTurns").asInt()).isEqualTo(4);

        // The model saw the tool's answers: the lock was acquired as this run.
        List<ResponsesRequest> requests = OPENAI.requestsFor(marker);
        assertThat(requests).hasSize(4);
        assertThat(requests.get(2).lastFunctionOutput()).contains("acquired");
        assertThat(requests.get(0).toolNames()).contains("mcp__orchestrator__write_note");
        assertThat(Files.readString(ROOT.resolve("agent-logs").resolve(runId + ".prompt"))).contains(marker);
    }

    @Test
    void onItsDefaultModelCodexFindsTheOrchestratorToolsBySearching() {
        String marker = newMarker();
        String noteKey = "codex/searched/" + java.util.UUID.randomUUID();
        OPENAI.script(marker,
                ResponseStep.toolSearch("write a note for other agents"),
                ResponseStep.mcpTool("write_note", Map.of("key", noteKey, "value", "found by search")),
                ResponseStep.text("Noted."));

        JsonNode job = awaitJob(createJob(aJob("Search then note " + marker).with("model", "codex")).get("id").asString(),
                "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(api.get("/api/notes/" + noteKey).body().get("value").asString()).isEqualTo("found by search");
        List<ResponsesRequest> requests = OPENAI.requestsFor(marker);
        assertThat(requests.getFirst().model()).isEqualTo("gpt-5.5");
        // Held back at first, the orchestrator's tools come back as the search's answer, under their namespace.
        assertThat(requests.getFirst().toolNames()).contains("tool_search").doesNotContain("mcp__orchestrator__write_note");
        JsonNode found = requests.get(1).body().path("input").valueStream()
                .filter(item -> item.path("type").asString("").equals("tool_search_output")).findFirst().orElseThrow();
        assertThat(found.path("tools").get(0).path("name").asString()).isEqualTo("mcp__orchestrator");
        assertThat(found.path("tools").get(0).path("tools").valueStream().map(t -> t.path("name").asString()))
                .contains("write_note");
    }

    @Test
    void continueResumesTheCodexThread() {
        String marker = newMarker();
        OPENAI.script(marker,
                ResponseStep.text("First answer.").withUsage(1000, 0, 10),
                ResponseStep.text("Second answer.").withUsage(3000, 0, 30));

        JsonNode created = createJob(aJob("Start a thread " + marker).with("model", "codex"));
        JsonNode first = awaitJob(created.get("id").asString(), "done", "failed").get("runs").get(0);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("done");
        String threadId = first.get("sessionId").asString();

        Api.Response continued = api.post("/api/agents/" + first.get("id").asString() + "/continue",
                Map.of("message", "And now the follow-up"));
        assertThat(continued.status()).as(continued.text()).isEqualTo(202);
        JsonNode job = awaitRunCount(created.get("id").asString(), 2);
        JsonNode second = job.get("runs").get(1);

        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("done");
        assertThat(second.get("resultText").asString()).isEqualTo("Second answer.");
        assertThat(second.get("sessionId").asString()).isEqualTo(threadId);
        // Codex reports the thread's totals; the resumed run records only its own share.
        assertThat(second.get("inputTokens").asLong()).isEqualTo(3000);
        assertThat(second.get("outputTokens").asLong()).isEqualTo(30);
        ResponsesRequest resumed = OPENAI.requestsFor(marker).getLast();
        assertThat(resumed.inputContains("First answer.")).isTrue();
        assertThat(resumed.userMessages().getLast()).contains("And now the follow-up");
    }

    @Test
    void aCodexRunPastItsMaxTurnsIsStoppedAtTheNextTurn() throws Exception {
        String marker = newMarker();
        Path workDir = newWorkDir();
        OPENAI.script(marker,
                ResponseStep.shell("echo 1 >> steps.txt"),
                ResponseStep.shell("echo 2 >> steps.txt"),
                ResponseStep.shell("echo 3 >> steps.txt"),
                // Codex waits here while the third command's turn is read and the run is stopped.
                ResponseStep.shell("echo 4 >> steps.txt").afterDelay(java.time.Duration.ofSeconds(30)),
                ResponseStep.text("All four done."));

        JsonNode created = createJob(aJob("Count to four " + marker).with("model", "codex").withMaxTurns(2)
                .inDir(workDir.toString()));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("errorMessage").asString()).isEqualTo("turn limit reached (2 turns)");
        assertThat(run.get("failureKind").asString()).isEqualTo("budget");
        assertThat(run.get("numTurns").asInt()).isEqualTo(3);
        // Had the run not been stopped, Codex would have run the fourth command once its 30 s delay was over.
        assertThat(Files.readAllLines(workDir.resolve("steps.txt"))).containsExactly("1", "2", "3");
    }

    @Test
    void rateLimitedCodexRunFailsWithReadableReason() {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.error(429, "rate_limit_exceeded", "Rate limit reached for gpt-5.5"));

        JsonNode created = createJob(aJob("Hit the limit " + marker).with("model", "codex"));
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("errorMessage").asString()).contains("429").contains("rate limited");
        assertThat(run.get("exitCode").asInt()).isNotZero();
        assertThat(run.get("failureKind").asString()).isEqualTo("rate_limit");
    }

    @Test
    void codexProviderErrorsAreClassifiedLikeClaudes() {
        String marker = newMarker();
        OPENAI.script(marker, ResponseStep.error(401, "invalid_api_key", "Incorrect API key provided"));

        JsonNode job = awaitJob(createJob(aJob("Bad key " + marker).with("model", "codex")).get("id").asString(), "done", "failed");

        assertThat(job.get("runs").get(0).get("failureKind").asString()).as(job.toString()).isEqualTo("auth");
    }

    @Test
    void claudeParentCreatesACodexSubJob() {
        String parentMarker = newMarker();
        String childMarker = newMarker();
        MODEL.script(parentMarker,
                Step.toolUse("mcp__orchestrator__create_job", Map.of("description", "Child work " + childMarker, "model", "codex")),
                Step.text("Queued the child."));
        OPENAI.script(childMarker, ResponseStep.text("Child done on Codex."));

        JsonNode parent = createJob(aJob("Delegate " + parentMarker).with("model", "claude-sonnet-4-6"));
        awaitJob(parent.get("id").asString(), "done");
        JsonNode child = awaitJob(childJobId(parent.get("id").asString()), "done", "failed");

        assertThat(child.get("status").asString()).as(child.toString()).isEqualTo("done");
        assertThat(child.get("model").asString()).isEqualTo("codex");
        assertThat(child.get("runs").get(0).get("agentKind").asString()).isEqualTo("codex");
        assertThat(child.get("runs").get(0).get("resultText").asString()).isEqualTo("Child done on Codex.");
    }

    @Test
    void codexParentsSubJobStaysOnCodex() {
        String parentMarker = newMarker();
        String childMarker = newMarker();
        OPENAI.script(parentMarker,
                ResponseStep.mcpTool("create_job", Map.of("description", "Child work " + childMarker)),
                ResponseStep.text("Queued the child."));
        OPENAI.script(childMarker, ResponseStep.text("Child done."));

        JsonNode parent = createJob(aJob("Delegate " + parentMarker).with("model", DIRECT_TOOLS_MODEL));
        JsonNode parentJob = awaitJob(parent.get("id").asString(), "done", "failed");
        assertThat(parentJob.get("status").asString()).as(parentJob.toString()).isEqualTo("done");
        JsonNode child = awaitJob(childJobId(parent.get("id").asString()), "done", "failed");

        assertThat(child.get("status").asString()).as(child.toString()).isEqualTo("done");
        assertThat(child.get("model").asString()).isEqualTo(DIRECT_TOOLS_MODEL);
        assertThat(child.get("runs").get(0).get("agentKind").asString()).isEqualTo("codex");
        assertThat(OPENAI.requestsFor(childMarker)).isNotEmpty();
    }

    @Test
    void modelsListsClaudeAndCodexModels() {
        JsonNode models = api.get("/api/models").body();
        assertThat(models.get("defaultModel").asString()).isNotBlank();
        List<String> providers = models.get("models").valueStream().map(m -> m.get("provider").asString()).toList();
        assertThat(providers).contains("anthropic", "openai");
        assertThat(models.get("models").valueStream().map(m -> m.get("id").asString())).contains("codex");
    }

    private String childJobId(String parentId) {
        String[] id = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode jobs = api.get("/api/jobs?size=200").body().get("items");
            id[0] = jobs.valueStream()
                    .filter(j -> j.hasNonNull("parentJobId") && j.get("parentJobId").asString().equals(parentId))
                    .map(j -> j.get("id").asString()).findFirst().orElse(null);
            assertThat(id[0]).isNotNull();
        });
        return id[0];
    }

    private JsonNode awaitRunCount(String jobId, int runs) {
        JsonNode[] job = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            job[0] = job(jobId);
            assertThat(job[0].get("runs").size()).isEqualTo(runs);
            assertThat(job[0].get("runs").get(runs - 1).get("status").asString()).isIn("done", "failed");
        });
        return job[0];
    }
}

package dev.autodev.debates;

import static dev.autodev.debates.DebateScripts.claudeSays;
import static dev.autodev.debates.DebateScripts.codexSays;
import static dev.autodev.testsupport.DebateRequestBuilder.aDebate;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.DebateRequestBuilder;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Debates through the REST API, both sides real CLIs: Claude Code against the scripted Anthropic API, Codex against
 * the scripted Responses API. Every prompt of a debate holds its task, so a test scripts the task's marker last and
 * the later stages first, by something only their prompts quote (a round-1 position, a post-action's report).
 */
class DebatesEndToEndTest extends AgentIntegrationTest {

    @Test
    void bothSidesAgreeingInRoundTwoEndsTheDebateWithConsensus() {
        String marker = newMarker();
        String claudeFirst = "claude-first " + UUID.randomUUID();
        String codexFirst = "codex-first " + UUID.randomUUID();
        // Round 2: each side's prompt quotes the other's round-1 position.
        MODEL.script(codexFirst, claudeSays("agree", "Use a queue, as Codex argued.", "Agreed."));
        OPENAI.script(claudeFirst, codexSays("agree", "A queue it is.", "Agreed too."));
        MODEL.script(marker, claudeSays("partial", claudeFirst, "A queue might do, or a lock."));
        OPENAI.script(marker, codexSays("disagree", codexFirst, "A queue, not a lock."));

        String id = createDebate(aDebate("Queue or lock? " + marker)).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        JsonNode rounds = debate.get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).get("claude").get("verdict").asString()).isEqualTo("partial");
        assertThat(rounds.get(0).get("codex").get("verdict").asString()).isEqualTo("disagree");
        assertThat(rounds.get(0).get("codex").get("position").asString()).isEqualTo(codexFirst);
        assertThat(rounds.get(0).get("diverged").asBoolean()).isTrue();
        assertThat(rounds.get(1).get("claude").get("verdict").asString()).isEqualTo("agree");
        assertThat(rounds.get(1).get("codex").get("verdict").asString()).isEqualTo("agree");
        assertThat(rounds.get(1).get("diverged").asBoolean()).isFalse();
        assertThat(debate.get("conclusion").asString()).contains("round 2", "Use a queue, as Codex argued.", "A queue it is.");
        assertThat(debate.get("jobs")).hasSize(4);
        assertThat(debate.get("costUsd").get("claude").asDouble()).isPositive();
        assertThat(debate.get("costUsd").get("codex").asDouble()).isPositive();
        // Round 2 saw round 1: Claude was shown Codex's answer and its own.
        RecordedRequest claudeSecond = MODEL.requestsFor(codexFirst).getFirst();
        assertThat(claudeSecond.firstUserText()).contains("Round 2 of 3", claudeFirst, "A queue, not a lock.");
        assertThat(OPENAI.requestsFor(claudeFirst).getFirst().userText()).contains(codexFirst);
    }

    @Test
    void sidesThatNeverAgreeEndInDisagreementAfterTheLastRound() {
        String marker = newMarker();
        MODEL.script(marker, claudeSays("disagree", "Tabs.", "Tabs, always."));
        OPENAI.script(marker, codexSays("disagree", "Spaces.", "Spaces, always."));

        String id = createDebate(aDebate("Tabs or spaces? " + marker).withRounds(2)).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("disagreement");
        assertThat(debate.get("rounds")).hasSize(2).allSatisfy(round -> {
            assertThat(round.get("diverged").asBoolean()).isTrue();
            assertThat(round.get("claude").get("verdict").asString()).isEqualTo("disagree");
        });
        assertThat(debate.get("jobs")).hasSize(4)
                .allSatisfy(job -> assertThat(job.get("status").asString()).isEqualTo("done"));
        assertThat(debate.get("conclusion").asString()).contains("No consensus after 2 rounds", "Tabs.", "Spaces.");
        assertThat(MODEL.requestsFor(marker).stream().map(RecordedRequest::firstUserText).distinct()).hasSize(2);
    }

    @Test
    void aSideWhoseCliCannotWorkEndsTheDebateAsFailedWithItsError() {
        String marker = newMarker();
        MODEL.script(marker, Step.error(401, "authentication_error", "invalid x-api-key"));
        OPENAI.script(marker, codexSays("agree", "Ship it.", "Ship it."));

        String id = createDebate(aDebate("Ship on Friday? " + marker).withRounds(3)).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("failed");
        assertThat(debate.get("statusReason").asString()).startsWith("claude's turn failed in round 1 of loop 1: ");
        assertThat(debate.get("rounds")).hasSize(1);
        assertThat(debate.get("rounds").get(0).get("claude").get("askedAgain").asBoolean()).as("not asked again").isFalse();
    }

    @Test
    void aSideThatGivesNoVerdictIsAskedOnceMoreAndThenCountsAsDisagreeing() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("I would rather not vote."));
        OPENAI.script(marker, codexSays("agree", "Ship it.", "Ship it."));

        String id = createDebate(aDebate("Ship on Friday? " + marker).withRounds(1)).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("disagreement");
        JsonNode claude = debate.get("rounds").get(0).get("claude");
        assertThat(claude.get("verdict").asString()).isEqualTo("disagree");
        assertThat(claude.get("verdictGiven").asBoolean()).isFalse();
        assertThat(claude.get("askedAgain").asBoolean()).isTrue();
        JsonNode job = job(claude.get("jobId").asString());
        assertThat(job.get("runs")).as("the first answer and the one follow-up").hasSize(2);
        assertThat(MODEL.requestsFor(marker).getLast().body().toString()).contains("without calling the MCP tool submit_verdict");
        assertThat(debate.get("conclusion").asString()).contains("I would rather not vote.");
    }

    @Test
    void thePostActionIsReviewedAndRefinedAndItsChangesLandInTheWorkDir() throws Exception {
        String marker = newMarker();
        String act = "[act " + UUID.randomUUID() + "]";
        String report = "PA-DONE " + UUID.randomUUID();
        String review = "REVIEW " + UUID.randomUUID();
        Path workDir = newWorkDir();
        OPENAI.script(review, ResponseStep.shell("printf v2 > result.txt"), ResponseStep.text("Refined: now v2."));
        OPENAI.script(act, ResponseStep.shell("printf v1 > result.txt"), ResponseStep.text(report + ": wrote v1."));
        MODEL.script(report, Step.text(review + ": v2 is the agreed value, not v1."));
        MODEL.script(marker, claudeSays("agree", "The value is v2.", "v2."));
        OPENAI.script(marker, codexSays("agree", "v2 it is.", "v2."));

        DebateRequestBuilder request = aDebate("Which value? " + marker).withRounds(1).inDir(workDir.toString())
                .thenAct("Write the agreed value to result.txt " + act, "codex", true);
        String id = createDebate(request).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        assertThat(debate.get("actions").valueStream().map(a -> a.get("stage").asString() + ":" + a.get("side").asString()
                + ":" + a.get("jobStatus").asString()))
                .containsExactly("post_action:codex:done", "review:claude:done", "refine:codex:done");
        assertThat(workDir.resolve("result.txt")).hasContent("v2");
        assertThat(OPENAI.requestsFor(act).getFirst().userText()).contains("The value is v2.", "v2 it is.");
        assertThat(MODEL.requestsFor(report).getFirst().firstUserText()).contains(workDir.toString());
    }

    @Test
    void aSecondLoopSeesTheFirstLoopsConclusionAndWhatWasDoneWithIt() {
        String marker = newMarker();
        String act = "[act " + UUID.randomUUID() + "]";
        String result = "PA-RESULT " + UUID.randomUUID();
        MODEL.script(act, Step.text(result + ": summary written."));
        MODEL.script(marker, claudeSays("agree", "Keep it simple.", "Simple."));
        OPENAI.script(marker, codexSays("agree", "Simple it is.", "Simple."));

        String id = createDebate(aDebate("How to design it? " + marker).withRounds(1).withLoops(2)
                .thenAct("Summarise the design " + act, "claude", false)).get("id").asString();
        JsonNode debate = awaitDebate(id, "consensus", "disagreement", "failed");

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        assertThat(debate.get("currentLoop").asInt()).isEqualTo(2);
        assertThat(debate.get("loops").valueStream().map(l -> l.get("outcome").asString())).containsExactly("consensus", "consensus");
        assertThat(debate.get("rounds").valueStream().map(r -> r.get("loop").asInt())).containsExactly(1, 2);
        assertThat(debate.get("actions").valueStream().map(a -> a.get("loop").asInt() + ":" + a.get("stage").asString()))
                .containsExactly("1:post_action", "2:post_action");
        List<String> secondLoopTurns = MODEL.requestsFor(result).stream().map(RecordedRequest::firstUserText)
                .filter(text -> text.contains("loop 2 of 2")).distinct().toList();
        assertThat(secondLoopTurns).singleElement().asString().contains("Keep it simple.", "Simple it is.");
        assertThat(OPENAI.requestsFor(result)).as("Codex's second loop saw the result too").isNotEmpty();
    }

    @Test
    void cancellingMidRoundStopsBothSidesAndStartsNothingMore() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(60)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(60)));

        String id = createDebate(aDebate("Take your time " + marker)).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.requestsFor(marker).size() == 1
                && OPENAI.requestsFor(marker).size() == 1);

        Api.Response cancelled = api.post("/api/debates/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(debate(id).get("jobs"))
                .allSatisfy(job -> assertThat(job.get("status").asString()).isEqualTo("cancelled")));
        assertThat(debate(id).get("jobs")).hasSize(2);
        assertThat(api.post("/api/debates/" + id + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void anOrdinaryJobCannotSubmitAVerdict() {
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", "agree", "position", "x")),
                Step.text("Tried."));

        JsonNode job = awaitJob(createJob(aJob("Not a debate " + marker)).get("id").asString(), "done", "failed");

        String runId = job.get("runs").get(0).get("id").asString();
        JsonNode result = api.get("/api/agents/" + runId + "/output").body().get("events").valueStream()
                .filter(e -> e.get("type").asString().equals("tool_result")).findFirst().orElseThrow();
        assertThat(result.get("data").get("isError").asBoolean()).as(result.toString()).isTrue();
        // Claude Code was never shown the tool (DebateToolOfferTest), so the call fails before it reaches the server.
        assertThat(result.get("text").asString()).contains("mcp__orchestrator__submit_verdict");
    }

    @Test
    void badDebatesAreRefusedNamingTheField() {
        Path dir = newWorkDir();
        assertRefused(Map.of("codexModel", "gpt-5.5"), "task");
        assertRefused(aDebate("x").withRounds(11).body(), "maxRounds");
        assertRefused(aDebate("x").withRounds(0).body(), "maxRounds");
        assertRefused(aDebate("x").withLoops(0).body(), "loopCount");
        assertRefused(aDebate("x").with("postActionRole", "gemini").body(), "postActionRole");
        assertRefused(aDebate("x").inDir(dir.resolve("missing").toString()).body(), "workDir");
        assertRefused(aDebate("x").with("claudeModel", "codex").body(), "claudeModel");
        assertRefused(aDebate("x").with("codexModel", "claude-opus-4").body(), "codexModel");
        assertThat(api.get("/api/debates/no-such-debate").status()).isEqualTo(404);
    }

    @Test
    void aDebateIsListedWithTheDefaultsItWasGiven() {
        String marker = newMarker();
        MODEL.script(marker, claudeSays("agree", "Yes.", "Yes."));
        OPENAI.script(marker, codexSays("agree", "Yes.", "Yes."));
        Api.Response template = api.post("/api/templates", Map.of("name", "Debate guidelines " + UUID.randomUUID(),
                "content", "Cite the code you rely on."));
        assertThat(template.status()).as(template.text()).isEqualTo(201);
        String templateId = template.body().get("id").asString();
        JsonNode created = createDebate(aDebate("Defaults? " + marker).with("templateId", templateId));

        assertThat(created.get("maxRounds").asInt()).isEqualTo(3);
        assertThat(created.get("loopCount").asInt()).isEqualTo(1);
        assertThat(created.get("postActionRole").asString()).isEqualTo("claude");
        assertThat(created.get("codexModel").asString()).isEqualTo("codex-gpt-5.5");
        assertThat(created.get("templateId").asString()).isEqualTo(templateId);
        assertThat(created.get("verification").asBoolean()).isFalse();
        Set<String> listed = api.get("/api/debates?size=200").body().get("items").valueStream()
                .map(d -> d.get("id").asString()).collect(Collectors.toSet());
        assertThat(listed).contains(created.get("id").asString());
        JsonNode debate = awaitDebate(created.get("id").asString(), "consensus", "disagreement", "failed");
        assertThat(debate.get("status").asString()).isEqualTo("consensus");
        // Its own project holds its jobs; the sides got the template's guidelines.
        String projectId = created.get("projectId").asString();
        assertThat(api.get("/api/projects").body().valueStream().map(p -> p.get("id").asString())).contains(projectId);
        assertThat(jobIdsIn(projectId)).containsExactlyInAnyOrderElementsOf(
                debate.get("jobs").valueStream().map(j -> j.get("jobId").asString()).toList());
        assertThat(MODEL.requestsFor(marker).getFirst().firstUserText()).contains("Cite the code you rely on.");
    }

    @Test
    void aBatchRunInDebateModeStartsOneDebatePerItemInTheRunsProject() {
        String marker = newMarker();
        MODEL.script(marker, claudeSays("agree", "Fine.", "Fine."));
        OPENAI.script(marker, codexSays("agree", "Fine.", "Fine."));
        Api.Response batch = api.post("/api/batch-templates", Map.of("name", "Questions " + UUID.randomUUID(),
                "items", List.of("First question " + marker, "Second question " + marker)));
        assertThat(batch.status()).as(batch.text()).isEqualTo(201);

        Api.Response run = api.post("/api/batch-templates/" + batch.body().get("id").asString() + "/run",
                Map.of("mode", "debate", "debate", Map.of("maxRounds", 1, "codexModel", "gpt-5.5")));

        assertThat(run.status()).as(run.text()).isEqualTo(201);
        String projectId = run.body().get("projectId").asString();
        List<String> debateIds = run.body().get("debateIds").valueStream().map(JsonNode::asString).toList();
        assertThat(debateIds).hasSize(2);
        List<JsonNode> debates = debateIds.stream().map(id -> awaitDebate(id, "consensus", "disagreement", "failed")).toList();
        assertThat(debates).extracting(d -> d.get("task").asString())
                .containsExactly("First question " + marker, "Second question " + marker);
        assertThat(debates).allSatisfy(d -> {
            assertThat(d.get("status").asString()).isEqualTo("consensus");
            assertThat(d.get("projectId").asString()).isEqualTo(projectId);
            assertThat(d.get("maxRounds").asInt()).isEqualTo(1);
        });
        assertThat(jobIdsIn(projectId)).hasSize(4);
    }

    private List<String> jobIdsIn(String projectId) {
        return api.get("/api/jobs?size=200&projectId=" + projectId).body().get("items").valueStream()
                .map(j -> j.get("id").asString()).toList();
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Api.Response response = api.post("/api/debates", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    private JsonNode createDebate(DebateRequestBuilder request) {
        Api.Response response = api.post("/api/debates", request.body());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    private JsonNode debate(String id) {
        Api.Response response = api.get("/api/debates/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitDebate(String id, String... statuses) {
        Set<String> wanted = Arrays.stream(statuses).collect(Collectors.toSet());
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = debate(id);
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isIn(wanted);
        });
        return last[0];
    }
}

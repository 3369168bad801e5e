package dev.autodev.kb;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agents that learn, end to end: real Claude Code runs report learnings over MCP, the small model (the same CLI,
 * scripted by marker) triages them, and later jobs' prompts carry the survivors under ## Memory.
 */
class KnowledgeBaseEndToEndTest extends AgentIntegrationTest {

    private static final String REPORT = "mcp__orchestrator__report_learnings";

    @Test
    void triageKeepsOneLearningForTheProjectAndOnlyJobsOfThatProjectGetItAsMemory() {
        Path repo = newWorkDir();
        Path elsewhere = newWorkDir();
        String word = uniqueWord();
        String reporter = newMarker();
        MODEL.script(reporter, Step.toolUse(REPORT, Map.of("learnings", List.of(
                        learning("Build " + word + " offline with mvnw -o", "The sandbox has no network: run ./mvnw -o.", "project"),
                        learning("I fixed the login bug", "Changed three lines in Login.java.", "global")))),
                Step.text("reported"));
        MODEL.answerQuestions(reporter, Step.text("1: project - a build quirk later jobs need\n2: discard - a summary of the work"));

        String first = createJob(aJob("Fix the build " + reporter).inDir(repo.toString())).get("id").asString();
        assertThat(awaitJob(first, "done", "failed").get("status").asString()).isEqualTo("done");
        List<JsonNode> decided = awaitLearningsDecided(first, 2);
        assertThat(decided.get(0).get("status").asString()).isEqualTo("kept");
        assertThat(decided.get(1).get("status").asString()).isEqualTo("discarded");
        JsonNode entry = api.get("/api/knowledge-base/" + decided.get(0).get("entryId").asString()).body();
        assertThat(entry.get("scope").asString()).isEqualTo("project");
        assertThat(entry.get("sourceJobId").asString()).isEqualTo(first);
        assertThat(entry.get("status").asString()).isEqualTo("approved");

        String sameProject = newMarker();
        String otherProject = newMarker();
        MODEL.script(sameProject, Step.text("ok"));
        MODEL.script(otherProject, Step.text("ok"));
        String second = createJob(aJob("Build " + word + " and run the tests " + sameProject).inDir(repo.toString())).get("id").asString();
        String third = createJob(aJob("Build " + word + " and run the tests " + otherProject).inDir(elsewhere.toString())).get("id").asString();
        awaitJob(second, "done", "failed");
        awaitJob(third, "done", "failed");

        String prompt = MODEL.requestsFor(sameProject).getFirst().firstUserText();
        assertThat(prompt).contains("## Memory").contains("Build " + word + " offline with mvnw -o").contains("./mvnw -o");
        assertThat(prompt).doesNotContain("I fixed the login bug");
        assertThat(MODEL.requestsFor(otherProject).getFirst().firstUserText()).doesNotContain(word + " offline");
        assertThat(api.get("/api/knowledge-base/" + entry.get("id").asString()).body().get("injectedCount").asLong()).isEqualTo(1);
    }

    @Test
    void aJobInAProjectGetsThatProjectsEntriesWhereverItWorks() {
        String word = uniqueWord();
        Api.Response project = api.post("/api/projects", Map.of("name", "Project " + word));
        assertThat(project.status()).as(project.text()).isEqualTo(201);
        String projectId = project.body().get("id").asString();
        createEntry("Deploy " + word + " with make ship", "Never push the tag by hand.", "project", projectId);
        String marker = newMarker();
        MODEL.script(marker, Step.text("ok"));

        String job = createJob(aJob("Deploy " + word + " today " + marker).inDir(newWorkDir().toString())
                .with("projectId", projectId)).get("id").asString();
        awaitJob(job, "done", "failed");

        assertThat(MODEL.requestsFor(marker).getFirst().firstUserText()).contains("## Memory").contains("make ship");
    }

    @Test
    void aLearningThatAnEntryAlreadyHoldsIsRecognisedAsADuplicate() {
        Path repo = newWorkDir();
        String word = uniqueWord();
        String existing = createEntry("Integration tests " + word + " need port 8080 free", "Stop the dev server first.",
                "project", repo.toString()).get("id").asString();
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse(REPORT, Map.of("learnings", List.of(
                        learning("Port 8080 must be free for " + word + " integration tests", "Kill the dev server.", "project")))),
                Step.text("reported"));
        MODEL.answerQuestions(marker, Step.text("1: duplicate K1 - the existing entry says the same"));

        String job = createJob(aJob("Run the tests " + marker).inDir(repo.toString())).get("id").asString();
        awaitJob(job, "done", "failed");
        JsonNode learning = awaitLearningsDecided(job, 1).getFirst();

        assertThat(learning.get("status").asString()).isEqualTo("duplicate");
        assertThat(learning.get("entryId").asString()).isEqualTo(existing);
        assertThat(list("project=" + enc(repo.toString())).get("total").asLong()).isEqualTo(1);
        assertThat(MODEL.questionsFor(marker).getFirst().firstUserText()).contains("K1: Integration tests " + word);
    }

    @Test
    void whenTriageFailsTheLearningsAreKeptAsReportedWithTheReason() {
        Path repo = newWorkDir();
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse(REPORT, Map.of("learnings", List.of(
                        learning("Use " + uniqueWord() + " for fixtures", "Fixtures live in src/test/fixtures.", "global")))),
                Step.text("reported"));
        MODEL.answerQuestions(marker, Step.error(500, "api_error", "the model is down"));

        String job = createJob(aJob("Write fixtures " + marker).inDir(repo.toString())).get("id").asString();
        awaitJob(job, "done", "failed");
        JsonNode learning = awaitLearningsDecided(job, 1).getFirst();

        assertThat(learning.get("status").asString()).isEqualTo("kept");
        assertThat(learning.get("reason").asString()).contains("triage failed").contains("kept as reported");
        assertThat(api.get("/api/knowledge-base/" + learning.get("entryId").asString()).body().get("scope").asString())
                .isEqualTo("global");
    }

    @Test
    void consolidationMergesTwoNearDuplicateEntriesIntoOne() {
        String word = uniqueWord();
        String marker = newMarker();
        String older = createEntry("Flaky " + word + " socket test needs a retry", "Retry it once. " + marker, "global", null)
                .get("id").asString();
        String newer = createEntry("Flaky " + word + " socket test needs retry", "It passes on the second run.", "global", null)
                .get("id").asString();
        MODEL.answerQuestions(marker, Step.text("TITLE: Flaky " + word + " socket test: retry once\n"
                + "CONTENT: It fails now and then and passes on the second run; retry it once."));

        JsonNode report = api.post("/api/knowledge-base/consolidate", null).body();

        JsonNode merged = null;
        for (JsonNode m : report.get("merged")) if (m.get("keptId").asString().equals(older)) merged = m;
        assertThat(merged).as(report.toString()).isNotNull();
        assertThat(merged.get("removedIds").get(0).asString()).isEqualTo(newer);
        JsonNode kept = api.get("/api/knowledge-base/" + older).body();
        assertThat(kept.get("title").asString()).isEqualTo("Flaky " + word + " socket test: retry once");
        assertThat(kept.get("content").asString()).contains("passes on the second run");
        assertThat(api.get("/api/knowledge-base/" + newer).status()).isEqualTo(404);
    }

    @Test
    void anAgentFindsAnEntryWithSearchKbAndSeesASnippet() {
        String word = uniqueWord();
        String id = createEntry("Release checklist", "Before tagging, run " + word + " to regenerate the changelog.",
                "global", null).get("id").asString();
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("mcp__orchestrator__search_kb", Map.of("query", word + " changelog")),
                Step.text("found it"));

        String job = createJob(aJob("Prepare the release " + marker)).get("id").asString();
        awaitJob(job, "done", "failed");

        String result = MODEL.requestsFor(marker).getLast().lastToolResultText();
        assertThat(result).contains(id).contains("[[" + word + "]]").contains("[[changelog]]");
        assertThat(api.get("/api/knowledge-base/" + id).body().get("foundCount").asLong()).isEqualTo(1);
        JsonNode rest = api.get("/api/knowledge-base/search?q=" + word).body();
        assertThat(rest.get("results").get(0).get("snippet").asString()).contains("[[" + word + "]]");
    }

    @Test
    void inReviewModeANewEntryStaysOutOfPromptsUntilSomeoneApprovesIt() {
        assertThat(api.put("/api/knowledge-base/settings", Map.of("requireApproval", true)).status()).isEqualTo(200);
        Path repo = newWorkDir();
        String word = uniqueWord();
        String reporter = newMarker();
        MODEL.script(reporter, Step.toolUse(REPORT, Map.of("learnings", List.of(
                        learning("Regenerate " + word + " stubs after editing the schema", "Run make stubs.", "project")))),
                Step.text("reported"));
        MODEL.answerQuestions(reporter, Step.text("1: project - needed after every schema edit"));
        String first = createJob(aJob("Edit the schema " + reporter).inDir(repo.toString())).get("id").asString();
        awaitJob(first, "done", "failed");
        String entryId = awaitLearningsDecided(first, 1).getFirst().get("entryId").asString();
        assertThat(api.get("/api/knowledge-base/" + entryId).body().get("status").asString()).isEqualTo("pending");

        String before = newMarker();
        MODEL.script(before, Step.text("ok"));
        awaitJob(createJob(aJob("Regenerate " + word + " stubs " + before).inDir(repo.toString())).get("id").asString(), "done", "failed");
        assertThat(MODEL.requestsFor(before).getFirst().firstUserText()).doesNotContain("make stubs");

        assertThat(api.post("/api/knowledge-base/" + entryId + "/approve", null).body().get("status").asString()).isEqualTo("approved");
        String after = newMarker();
        MODEL.script(after, Step.text("ok"));
        awaitJob(createJob(aJob("Regenerate " + word + " stubs " + after).inDir(repo.toString())).get("id").asString(), "done", "failed");
        assertThat(MODEL.requestsFor(after).getFirst().firstUserText()).contains("## Memory").contains("make stubs");
    }

    @Test
    void entriesAreCheckedAndEditedAndDeletedOverRest() {
        Api.Response bad = api.post("/api/knowledge-base", Map.of("title", "x", "content", "y", "scope", "project"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("project");
        assertThat(api.post("/api/knowledge-base", Map.of("title", " ", "content", "y")).body().get("field").asString()).isEqualTo("title");
        assertThat(api.post("/api/knowledge-base", Map.of("title", "t", "content", "y", "scope", "team")).body().get("field").asString()).isEqualTo("scope");

        String tag = uniqueWord().toLowerCase();
        String id = createEntry("Style " + tag, "Two spaces.", "global", null).get("id").asString();
        JsonNode edited = api.put("/api/knowledge-base/" + id, Map.of("content", "Four spaces.", "tags", List.of(tag, "Style Guide"))).body();
        assertThat(edited.get("content").asString()).isEqualTo("Four spaces.");
        assertThat(edited.get("title").asString()).isEqualTo("Style " + tag);
        assertThat(list("tag=" + tag).get("items").get(0).get("tags").toString()).contains("style-guide");
        assertThat(api.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/knowledge-base/" + id)).DELETE(), Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/knowledge-base/" + id).status()).isEqualTo(404);
    }

    private List<JsonNode> awaitLearningsDecided(String jobId, int count) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = api.get("/api/knowledge-base/learnings?jobId=" + jobId).body();
            assertThat(last[0].size()).isEqualTo(count);
            for (JsonNode l : last[0]) assertThat(l.get("status").asString()).isNotIn("reported", "triaging");
        });
        List<JsonNode> all = new java.util.ArrayList<>();
        last[0].forEach(all::add);
        return all;
    }

    private JsonNode createEntry(String title, String content, String scope, String project) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "content", content, "scope", scope));
        if (project != null) body.put("project", project);
        Api.Response response = api.post("/api/knowledge-base", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    private JsonNode list(String query) {
        return api.get("/api/knowledge-base?" + query).body();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + localPort();
    }

    private static Map<String, Object> learning(String title, String content, String scope) {
        return Map.of("title", title, "content", content, "scope", scope);
    }

    /** A word no other test uses, so full-text matches and memory come from this test only. */
    static String uniqueWord() {
        return "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

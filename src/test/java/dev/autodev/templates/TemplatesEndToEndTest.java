package dev.autodev.templates;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autodev.common.Db;
import dev.autodev.common.Ids;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Templates through the REST API, with the real Claude CLI running a templated job. */
class TemplatesEndToEndTest extends AgentIntegrationTest {

    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at, template_id)
            VALUES (?, 'stats', 'stats', ?, ?, '/tmp', ?, ?, ?)""";
    private static final String INSERT_RUN = """
            INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at, finished_at, num_turns,
                cost_usd) VALUES (?, ?, ?, 'claude', ?, 'stats', ?, ?, ?, ?)""";

    @Autowired
    Db db;

    @Test
    void aTemplatedJobsPromptHoldsTheGuidelinesAndTakesTheTemplatesDefaults() {
        String marker = newMarker();
        String workDir = newWorkDir().toString();
        JsonNode template = createTemplate(Map.of("name", "TDD " + UUID.randomUUID(),
                "content", "Write the failing test first, then the code.", "defaultModel", "claude-haiku-4-5",
                "defaultWorkDir", workDir));
        MODEL.script(marker, Step.text("followed the guidelines"));

        JsonNode job = createJob(aJob("Add a parser " + marker).with("templateId", template.get("id").asString()));
        assertThat(job.get("templateId").asString()).isEqualTo(template.get("id").asString());
        assertThat(job.get("model").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(job.get("workDir").asString()).isEqualTo(workDir);
        assertThat(awaitJob(job.get("id").asString(), "done", "failed").get("status").asString()).isEqualTo("done");

        String prompt = MODEL.requestsFor(marker).getFirst().firstUserText();
        assertThat(prompt).contains("## Guidelines").contains("Write the failing test first, then the code.")
                .contains("Add a parser " + marker);
        assertThat(prompt.indexOf("## Guidelines")).isLessThan(prompt.indexOf("Add a parser"));
    }

    @Test
    void aJobsOwnModelAndWorkDirWinOverTheTemplatesDefaults() {
        JsonNode template = createTemplate(Map.of("name", "Defaults " + UUID.randomUUID(), "content", "Be brief.",
                "defaultModel", "claude-haiku-4-5"));
        String workDir = newWorkDir().toString();
        JsonNode job = createJob(aJob("Own settings " + newMarker()).with("templateId", template.get("id").asString())
                .with("model", "claude-sonnet-4-6").inDir(workDir).with("scheduledAt", "2999-01-01T00:00:00Z"));
        assertThat(job.get("model").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(job.get("workDir").asString()).isEqualTo(workDir);
        assertThat(job.get("guidelines").asString()).isEqualTo("Be brief.");
    }

    @Test
    void statsCountDoneAndFailedRunsOverallAndByModel() {
        String marker = newMarker();
        JsonNode template = createTemplate(Map.of("name", "Stats " + UUID.randomUUID(), "content", "Measure twice."));
        String templateId = template.get("id").asString();
        MODEL.script(marker, Step.text("measured"));
        String realJob = createJob(aJob("Real run " + marker).with("templateId", templateId)
                .with("model", "claude-sonnet-4-6")).get("id").asString();
        JsonNode realRun = awaitJob(realJob, "done", "failed").get("runs").get(0);
        assertThat(realRun.get("status").asString()).isEqualTo("done");

        // Two more on the same model (one failed), two on another (one failed), and a cancelled one that must not count.
        storedRun(templateId, "claude-sonnet-4-6", "failed", 2_000, 4, 0.25);
        storedRun(templateId, "claude-sonnet-4-6", "done", 4_000, 6, 0.75);
        storedRun(templateId, "claude-haiku-4-5", "done", 1_000, 2, 0.10);
        storedRun(templateId, "claude-haiku-4-5", "failed", 3_000, 8, 0.30);
        storedRun(templateId, "claude-haiku-4-5", "cancelled", 9_000, 9, 9.00);

        Api.Response response = api.get("/api/templates/" + templateId + "/stats");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode stats = response.body();
        double realCost = realRun.get("costUsd").asDouble();
        double realTurns = realRun.get("numTurns").asDouble();
        JsonNode overall = stats.get("overall");
        assertThat(overall.get("runs").asLong()).isEqualTo(5);
        assertThat(overall.get("succeeded").asLong()).isEqualTo(3);
        assertThat(overall.get("successRate").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(overall.get("avgCostUsd").asDouble()).isCloseTo((realCost + 0.25 + 0.75 + 0.10 + 0.30) / 5, within(1e-9));
        assertThat(overall.get("avgTurns").asDouble()).isCloseTo((realTurns + 4 + 6 + 2 + 8) / 5, within(1e-9));

        Map<String, JsonNode> byModel = new HashMap<>();
        stats.get("byModel").forEach(row -> byModel.put(row.get("model").asString(), row.get("stats")));
        assertThat(byModel).containsOnlyKeys("claude-sonnet-4-6", "claude-haiku-4-5");
        JsonNode haiku = byModel.get("claude-haiku-4-5");
        assertThat(haiku.get("runs").asLong()).isEqualTo(2);
        assertThat(haiku.get("successRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(haiku.get("avgCostUsd").asDouble()).isCloseTo(0.20, within(1e-9));
        assertThat(haiku.get("avgTurns").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(haiku.get("avgDurationMs").asDouble()).isCloseTo(2_000.0, within(1e-9));
        JsonNode sonnet = byModel.get("claude-sonnet-4-6");
        assertThat(sonnet.get("runs").asLong()).isEqualTo(3);
        assertThat(sonnet.get("succeeded").asLong()).isEqualTo(2);

        JsonNode table = api.get("/api/stats/template-model").body();
        var rows = table.valueStream().filter(r -> r.get("templateId").asString().equals(templateId)).toList();
        assertThat(rows).extracting(r -> r.get("model").asString())
                .containsExactlyInAnyOrder("claude-sonnet-4-6", "claude-haiku-4-5");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("templateName").asString()).startsWith("Stats "));
    }

    @Test
    void templatesAreCreatedChangedListedAndDeletedAndTheirJobsStay() {
        JsonNode template = createTemplate(Map.of("name", "Review " + UUID.randomUUID(), "content", "Read it all."));
        String id = template.get("id").asString();
        Api.Response updated = api.put("/api/templates/" + id, Map.of("name", template.get("name").asString() + " v2",
                "content", "Read it twice."));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("content").asString()).isEqualTo("Read it twice.");
        assertThat(api.get("/api/templates").body().valueStream().map(t -> t.get("id").asString())).contains(id);
        JsonNode job = createJob(aJob("Later " + newMarker()).with("templateId", id).with("scheduledAt", "2999-01-01T00:00:00Z"));

        assertThat(api.delete("/api/templates/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/templates/" + id).status()).isEqualTo(404);
        JsonNode kept = job(job.get("id").asString());
        assertThat(kept.hasNonNull("templateId")).isFalse();
        assertThat(kept.get("guidelines").asString()).isEqualTo("Read it twice.");
    }

    @Test
    void badTemplatesAreRefusedAtTheirFields() {
        String name = "Unique " + UUID.randomUUID();
        createTemplate(Map.of("name", name, "content", "x"));
        assertRefused(api.post("/api/templates", Map.of("content", "x")), 400, "name");
        assertRefused(api.post("/api/templates", Map.of("name", "a".repeat(201), "content", "x")), 400, "name");
        assertRefused(api.post("/api/templates", Map.of("name", "No content " + UUID.randomUUID(), "content", " ")), 400, "content");
        assertRefused(api.post("/api/templates", Map.of("name", "Dir " + UUID.randomUUID(), "content", "x",
                "defaultWorkDir", "/no/such/dir")), 400, "defaultWorkDir");
        assertRefused(api.post("/api/templates", Map.of("name", name.toUpperCase(), "content", "y")), 409, "name");
        assertRefused(api.post("/api/templates", Map.of("name", "Extra " + UUID.randomUUID(), "content", "x", "colour", "red")),
                400, "colour");
        String unknown = Ids.newId();
        assertThat(api.get("/api/templates/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/templates/" + unknown + "/stats").status()).isEqualTo(404);
        assertThat(api.put("/api/templates/" + unknown, Map.of("name", "n", "content", "c")).status()).isEqualTo(404);
        assertThat(api.delete("/api/templates/" + unknown).status()).isEqualTo(404);
        assertRefused(api.post("/api/jobs", aJob("x").with("templateId", unknown).body()), 400, "templateId");
    }

    private JsonNode createTemplate(Map<String, Object> body) {
        Api.Response response = api.post("/api/templates", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    private static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("field").asString()).as(response.text()).isEqualTo(field);
    }

    private void storedRun(String templateId, String model, String status, long durationMs, int turns, double cost) {
        String jobId = Ids.newId();
        long start = System.currentTimeMillis() - 60_000;
        String jobStatus = status.equals("done") ? "done" : status.equals("failed") ? "failed" : "cancelled";
        db.write().sql(INSERT_JOB).params(jobId, jobStatus, model, start, start, templateId).update();
        db.write().sql(INSERT_RUN).params(Ids.newId(), jobId, status, model, start, start + durationMs, turns, cost).update();
    }
}

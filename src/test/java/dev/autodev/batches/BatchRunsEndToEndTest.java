package dev.autodev.batches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.common.Ids;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Batch templates through the REST API; a run's jobs go to the real Claude CLI. */
class BatchRunsEndToEndTest extends AgentIntegrationTest {

    @Test
    void aBatchOfFiveCreatesFiveJobsInANewProject() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("item done"));
        List<String> items = IntStream.rangeClosed(1, 5).mapToObj(i -> "Task " + i + " " + marker).toList();
        String name = "Nightly " + UUID.randomUUID();
        String batchId = createBatch(name, items).get("id").asString();
        String workDir = newWorkDir().toString();

        Api.Response run = api.post("/api/batch-templates/" + batchId + "/run",
                Map.of("mode", "normal", "model", "claude-haiku-4-5", "workDir", workDir, "maxTurns", 3, "priority", 2));
        assertThat(run.status()).as(run.text()).isEqualTo(201);
        String projectId = run.body().get("projectId").asString();
        List<String> jobIds = run.body().get("jobIds").valueStream().map(JsonNode::asString).toList();
        assertThat(jobIds).hasSize(5).doesNotHaveDuplicates();

        JsonNode project = api.get("/api/projects/" + projectId).body();
        assertThat(project.get("name").asString()).isEqualTo(name + " " + LocalDate.now());
        for (int i = 0; i < 5; i++) {
            JsonNode job = awaitJob(jobIds.get(i), "done", "failed");
            assertThat(job.get("status").asString()).isEqualTo("done");
            assertThat(job.get("description").asString()).isEqualTo(items.get(i));
            assertThat(job.get("projectId").asString()).isEqualTo(projectId);
            assertThat(job.get("model").asString()).isEqualTo("claude-haiku-4-5");
            assertThat(job.get("workDir").asString()).isEqualTo(workDir);
            assertThat(job.get("maxTurns").asInt()).isEqualTo(3);
            assertThat(job.get("priority").asInt()).isEqualTo(2);
        }
        assertThat(api.get("/api/jobs?projectId=" + projectId).body().get("total").asLong()).isEqualTo(5);

        // The same batch again the same day gets a project of its own.
        Api.Response again = api.post("/api/batch-templates/" + batchId + "/run", Map.of("workDir", workDir));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        String second = again.body().get("projectId").asString();
        assertThat(second).isNotEqualTo(projectId);
        assertThat(api.get("/api/projects/" + second).body().get("name").asString())
                .isEqualTo(name + " " + LocalDate.now() + " (2)");
        again.body().get("jobIds").forEach(id -> awaitJob(id.asString(), "done", "failed"));
    }

    @Test
    void batchTemplatesAreChangedListedAndDeleted() {
        String id = createBatch("Chores " + UUID.randomUUID(), List.of("one")).get("id").asString();
        Api.Response updated = api.put("/api/batch-templates/" + id, Map.of("name", "Chores renamed " + UUID.randomUUID(),
                "items", List.of("one", "two")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("items").size()).isEqualTo(2);
        assertThat(api.get("/api/batch-templates").body().valueStream().map(b -> b.get("id").asString())).contains(id);
        assertThat(api.delete("/api/batch-templates/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/batch-templates/" + id).status()).isEqualTo(404);
    }

    @Test
    void badBatchesAndRunsAreRefusedAndStoreNothing() {
        String name = "Refusals " + UUID.randomUUID();
        String id = createBatch(name, List.of("only task")).get("id").asString();
        assertRefused(api.post("/api/batch-templates", Map.of("items", List.of("a"))), 400, "name");
        assertRefused(api.post("/api/batch-templates", Map.of("name", "Empty " + UUID.randomUUID(), "items", List.of())), 400, "items");
        assertRefused(api.post("/api/batch-templates", Map.of("name", "Blank " + UUID.randomUUID(), "items", List.of("a", " "))),
                400, "items[1]");
        assertRefused(api.post("/api/batch-templates", Map.of("name", name.toUpperCase(), "items", List.of("a"))), 409, "name");

        long projectsBefore = api.get("/api/projects").body().size();
        assertRefused(api.post("/api/batch-templates/" + id + "/run", Map.of("mode", "debate")), 400, "mode");
        assertRefused(api.post("/api/batch-templates/" + id + "/run", Map.of("mode", "parallel")), 400, "mode");
        assertRefused(api.post("/api/batch-templates/" + id + "/run", Map.of("workDir", "/no/such/dir")), 400, "workDir");
        assertRefused(api.post("/api/batch-templates/" + id + "/run", Map.of("templateId", Ids.newId())), 400, "templateId");
        assertRefused(api.post("/api/batch-templates/" + id + "/run", Map.of("priority", 11)), 400, "priority");
        assertThat(api.get("/api/projects").body().size()).isEqualTo(projectsBefore);
        assertThat(api.post("/api/batch-templates/" + Ids.newId() + "/run", Map.of()).status()).isEqualTo(404);
    }

    private JsonNode createBatch(String name, List<String> items) {
        Api.Response response = api.post("/api/batch-templates", Map.of("name", name, "items", items));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    private static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("field").asString()).as(response.text()).isEqualTo(field);
    }
}

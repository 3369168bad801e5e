package dev.autodev.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user organising a day's work on the packaged jar with its defaults: a template, a job that follows it, a batch
 * run grouped in its own project, the template's stats, and the finished work archived off the board.
 */
class OrganiseJourneyIT extends OneServerJourney {

    @Test
    void templateThenTemplatedJobThenBatchRunThenArchive() {
        String marker = Journeys.marker("organise");
        Path repo = machine.elsewhere("repo");
        machine.claudeModel.script(marker, Step.text("done as the guidelines say"));

        // A template with the team's way of working, and a job that uses it.
        JsonNode template = created(api.post("/api/templates", Map.of("name", "Careful change",
                "content", "Keep every change small and explain it.", "defaultWorkDir", repo.toString())));
        String templateId = template.get("id").asString();
        JsonNode job = created(api.post("/api/jobs", Map.of("description", "Tidy the imports " + marker,
                "templateId", templateId)));
        assertThat(job.get("workDir").asString()).isEqualTo(repo.toString());
        JsonNode finished = Journeys.awaitJob(api, job.get("id").asString());
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("done");
        assertThat(machine.claudeModel.requestsFor(marker).getFirst().firstUserText())
                .contains("## Guidelines").contains("Keep every change small and explain it.");

        // A batch of three tasks, run with the template: three jobs in a new project.
        JsonNode batch = created(api.post("/api/batch-templates", Map.of("name", "Chores",
                "items", List.of("Update the changelog " + marker, "Fix the typo " + marker, "Bump the version " + marker))));
        JsonNode run = created(api.post("/api/batch-templates/" + batch.get("id").asString() + "/run",
                Map.of("mode", "normal", "templateId", templateId, "maxTurns", 5)));
        String projectId = run.get("projectId").asString();
        List<String> jobIds = run.get("jobIds").valueStream().map(JsonNode::asString).toList();
        assertThat(jobIds).hasSize(3);
        assertThat(api.get("/api/projects/" + projectId).body().get("name").asString()).startsWith("Chores ");
        for (String id : jobIds) {
            JsonNode done = Journeys.awaitJob(api, id);
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
            assertThat(done.get("projectId").asString()).isEqualTo(projectId);
        }
        assertThat(api.get("/api/jobs?projectId=" + projectId).body().get("total").asLong()).isEqualTo(3);

        // The template's stats count the four runs.
        JsonNode stats = api.get("/api/templates/" + templateId + "/stats").body();
        assertThat(stats.get("overall").get("runs").asLong()).isEqualTo(4);
        assertThat(stats.get("overall").get("successRate").asDouble()).isEqualTo(1.0);

        // The finished work leaves the board for the archive.
        for (String id : jobIds) assertThat(api.post("/api/jobs/" + id + "/archive", null).status()).isEqualTo(200);
        List<String> board = api.get("/api/live/snapshot").body().get("jobs").valueStream()
                .map(j -> j.get("id").asString()).toList();
        assertThat(board).contains(job.get("id").asString()).doesNotContainAnyElementsOf(jobIds);
        JsonNode archive = api.get("/api/jobs?archived=true&projectId=" + projectId).body();
        assertThat(archive.get("total").asLong()).isEqualTo(3);
    }

    private JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }
}

package dev.autodev.projects;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.common.Ids;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Projects through the REST API, and a real Claude agent creating a sub-job in its project over MCP. */
class ProjectsEndToEndTest extends AgentIntegrationTest {

    private static final String LATER = "2999-01-01T00:00:00Z";

    @Test
    void aSubJobCreatedThroughMcpInheritsItsParentsProject() {
        String parent = newMarker();
        String child = newMarker();
        String projectId = createProject("Parent project " + UUID.randomUUID()).get("id").asString();
        Api.Response template = api.post("/api/templates", Map.of("name", "Child rules " + UUID.randomUUID(),
                "content", "Report every file you touch."));
        assertThat(template.status()).as(template.text()).isEqualTo(201);
        MODEL.script(parent,
                Step.toolUse("mcp__orchestrator__create_job", Map.of("description", "Child task " + child,
                        "template_id", template.body().get("id").asString())),
                Step.text("queued the child"));
        MODEL.script(child, Step.text("child done"));

        String parentJob = createJob(aJob("Parent " + parent).with("projectId", projectId)).get("id").asString();
        assertThat(awaitJob(parentJob, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(parent).getLast().lastToolResultText()).contains("\"project_id\":\"" + projectId + "\"");

        JsonNode inProject = api.get("/api/jobs?projectId=" + projectId).body();
        List<JsonNode> children = inProject.get("items").valueStream()
                .filter(j -> j.path("parentJobId").asString("").equals(parentJob)).toList();
        assertThat(children).hasSize(1);
        assertThat(children.getFirst().get("description").asString()).contains(child);
        assertThat(inProject.get("total").asLong()).isEqualTo(2);
        assertThat(awaitJob(children.getFirst().get("id").asString(), "done", "failed").get("status").asString()).isEqualTo("done");
        // The template the agent named gave the sub-job its guidelines.
        assertThat(MODEL.requestsFor(child).getFirst().firstUserText())
                .contains("## Guidelines").contains("Report every file you touch.");
    }

    @Test
    void projectsAreCreatedRenamedListedAndDeletedAndTheirJobsStayUngrouped() {
        JsonNode project = createProject("Website " + UUID.randomUUID());
        String id = project.get("id").asString();
        Api.Response renamed = api.put("/api/projects/" + id, Map.of("name", project.get("name").asString() + " relaunch",
                "description", "the new site"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).endsWith(" relaunch");
        String jobId = createJob(aJob("Grouped " + newMarker()).with("projectId", id).with("scheduledAt", LATER))
                .get("id").asString();
        JsonNode listed = api.get("/api/projects").body().valueStream()
                .filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(listed.get("jobCount").asLong()).isEqualTo(1);

        assertThat(api.delete("/api/projects/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/projects/" + id).status()).isEqualTo(404);
        JsonNode job = job(jobId);
        assertThat(job.hasNonNull("projectId")).isFalse();
        assertThat(job.get("status").asString()).isEqualTo("queued");
    }

    @Test
    void badProjectsAreRefusedAtTheirFields() {
        String name = "Taken " + UUID.randomUUID();
        String other = createProject("Other " + UUID.randomUUID()).get("id").asString();
        createProject(name);
        assertRefused(api.post("/api/projects", Map.of("description", "no name")), 400, "name");
        assertRefused(api.post("/api/projects", Map.of("name", "  ")), 400, "name");
        assertRefused(api.post("/api/projects", Map.of("name", "n".repeat(201))), 400, "name");
        assertRefused(api.post("/api/projects", Map.of("name", "Long " + UUID.randomUUID(), "description", "d".repeat(2001))),
                400, "description");
        assertRefused(api.post("/api/projects", Map.of("name", name.toLowerCase())), 409, "name");
        assertRefused(api.put("/api/projects/" + other, Map.of("name", name)), 409, "name");
        String unknown = Ids.newId();
        assertThat(api.put("/api/projects/" + unknown, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete("/api/projects/" + unknown).status()).isEqualTo(404);
        assertRefused(api.post("/api/jobs", aJob("x").with("projectId", unknown).body()), 400, "projectId");
        assertRefused(api.get("/api/jobs?flagged=maybe"), 400, "flagged");
    }

    private JsonNode createProject(String name) {
        Api.Response response = api.post("/api/projects", Map.of("name", name));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("field").asString()).as(response.text()).isEqualTo(field);
    }
}

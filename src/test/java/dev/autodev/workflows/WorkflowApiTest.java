package dev.autodev.workflows;

import static dev.autodev.workflows.PhaseScripts.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The workflow API's refusals, its reads, and the MCP tool an agent starts a workflow with. */
class WorkflowApiTest extends WorkflowTestBase {

    @Test
    void badRequestsNameTheirFieldAndStoreNothing() {
        GitRepos.Cloned repo = newRepo();
        long before = api.get("/api/workflows").body().get("total").asLong();
        assertField(Map.of("title", "no task"), "task");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "maxCycles", 51), "maxCycles");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "maxCycles", 0), "maxCycles");
        assertField(Map.of("task", "x", "workDir", newWorkDir().toString()), "useWorktree");
        assertField(Map.of("task", "x", "workDir", "/no/such/dir"), "workDir");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "maxCostUsd", -1), "maxCostUsd");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "stopModes", Map.of("deploy", Map.of("mode", "turns", "value", 5))), "stopModes");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "stopModes", Map.of("implement", Map.of("mode", "budget"))), "stopModes.implement.value");
        assertField(Map.of("task", "x", "workDir", repo.checkout().toString(), "implementerModel", " "), "implementerModel");
        assertField(Map.of("task", "x", "surprise", true), "surprise");
        assertThat(api.get("/api/workflows").body().get("total").asLong()).isEqualTo(before);

        assertThat(api.get("/api/workflows/nope").status()).isEqualTo(404);
        assertThat(api.post("/api/workflows/nope/resume", null).status()).isEqualTo(404);
        assertThat(api.post("/api/workflows/nope/cancel", null).status()).isEqualTo(404);
        assertThat(api.get("/api/workflows?status=sleeping").body().get("field").asString()).isEqualTo("status");
    }

    @Test
    void aWorkflowWithoutWorktreeWorksInItsDirAndListsByStatus() {
        String marker = newMarker();
        MODEL.script(phase(marker, "assess, cycle 0"), Step.text("nothing"));
        MODEL.script(phase(marker, "repair before review, cycle 1"), Step.text("still nothing"));

        JsonNode created = createWorkflow("No tree " + marker, newWorkDir(), "useWorktree", false, "title", "Plain dir",
                "stopModes", Map.of("assess", Map.of("mode", "turns", "value", 7)));
        String id = created.get("id").asString();
        assertThat(created.get("title").asString()).isEqualTo("Plain dir");
        assertThat(created.get("jobs").get(0).get("maxTurns").asInt()).isEqualTo(7);
        assertThat(created.get("jobs").get(0).get("workDir").asString()).isEqualTo(created.get("workDir").asString());

        awaitWorkflow(id, "blocked");
        JsonNode page = api.get("/api/workflows?status=blocked&size=500").body();
        assertThat(page.get("items").findValuesAsString("id")).contains(id);
        assertThat(page.get("items").get(0).has("milestones")).isTrue();
        assertThat(api.get("/api/workflows?status=done&size=500").body().get("items").findValuesAsString("id")).doesNotContain(id);
        JsonNode plan = api.get("/api/workflows/" + id + "/plan").body();
        assertThat(plan.get("key").asString()).isEqualTo("workflow/" + id + "/plan");
        assertThat(plan.get("text").isNull()).isTrue();
    }

    @Test
    void anAgentStartsAnAutonomousRunWithTheMcpTool() throws Exception {
        String marker = newMarker();
        String inner = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__create_autonomous_agent_run", Map.of("task", "Inner run " + inner,
                        "work_dir", repo.checkout().toString(), "max_cycles", 2)),
                Step.text("Started it."));
        MODEL.script(inner, Step.text("thinking").afterDelay(Duration.ofSeconds(20)));

        JsonNode job = awaitJob(createJob(dev.autodev.testsupport.JobRequestBuilder.aJob("Start a run " + marker)).get("id").asString(),
                "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");

        List<RecordedRequest> calls = MODEL.requestsFor(marker);
        JsonNode result = JsonMapper.builder().build().readTree(calls.getLast().lastToolResultText());
        String id = result.get("autonomous_agent_run_id").asString();
        assertThat(result.get("status").asString()).isEqualTo("running");
        assertThat(result.get("title").asString()).isEqualTo("Inner run " + inner);
        JsonNode wf = workflow(id);
        // The run groups its jobs under a project of its own, named after it; its phase jobs carry it.
        assertThat(result.get("project_id").asString()).isNotBlank().isEqualTo(wf.get("projectId").asString());
        assertThat(api.get("/api/projects/" + result.get("project_id").asString()).body().get("name").asString())
                .isEqualTo("Inner run " + inner);
        assertThat(job(result.get("assess_job_id").asString()).get("projectId").asString()).isEqualTo(result.get("project_id").asString());
        assertThat(wf.get("maxCycles").asInt()).isEqualTo(2);
        assertThat(result.get("assess_job_id").asString()).isEqualTo(wf.get("jobs").get(0).get("id").asString());
        assertThat(api.post("/api/workflows/" + id + "/cancel", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(job(result.get("assess_job_id").asString()).get("status").asString()).isEqualTo("cancelled"));
    }

    @Test
    void theMcpToolRefusesBadArgumentsAsAToolError() throws Exception {
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__create_autonomous_agent_run", Map.of("task", "x", "max_cycles", 99,
                        "work_dir", newWorkDir().toString(), "use_worktree", false)),
                Step.text("It refused."));

        awaitJob(createJob(dev.autodev.testsupport.JobRequestBuilder.aJob("Bad run " + marker)).get("id").asString(), "done");

        assertThat(MODEL.requestsFor(marker).getLast().lastToolResultText()).contains("max_cycles").contains("between 1 and 50");
    }

    @Test
    void forceRestartsARunningPhaseAndCancelSettlesItsLastJob() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), Step.text("slow thought").afterDelay(Duration.ofSeconds(60)));

        JsonNode created = createWorkflow("Force it " + marker, repo.checkout());
        String id = created.get("id").asString();
        String first = created.get("jobs").get(0).get("id").asString();
        awaitJob(first, "running");

        assertThat(api.post("/api/workflows/" + id + "/resume", null).status()).isEqualTo(409);
        var forced = api.post("/api/workflows/" + id + "/resume", Map.of("phase", "assess", "force", true));
        assertThat(forced.status()).as(forced.text()).isEqualTo(200);
        assertThat(job(first).get("status").asString()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stepSummary(workflow(id))).containsExactly("assess:0:cancelled", "assess:0:started"));
        assertThat(workflow(id).get("status").asString()).isEqualTo("running");

        JsonNode cancelled = api.post("/api/workflows/" + id + "/cancel", null).body();
        assertThat(stepSummary(cancelled)).containsExactly("assess:0:cancelled", "assess:0:cancelled");
    }

    private void assertField(Map<String, Object> body, String field) {
        Api.Response response = api.post("/api/workflows", new HashMap<>(body));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).as(response.text()).isEqualTo(field);
    }
}

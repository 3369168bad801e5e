package dev.autodev.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

/** Workflows over REST on the shared test server; whatever a test leaves running is cancelled after it. */
abstract class WorkflowTestBase extends AgentIntegrationTest {

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cancelWorkflowsLeftRunning() {
        for (String id : created) {
            JsonNode wf = api.get("/api/workflows/" + id).body();
            String status = wf == null ? "" : wf.get("status").asString();
            if (!status.equals("done") && !status.equals("cancelled")) api.post("/api/workflows/" + id + "/cancel", null);
        }
    }

    static GitRepos.Cloned newRepo() {
        return GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
    }

    JsonNode createWorkflow(String task, java.nio.file.Path repo, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("task", task, "workDir", repo.toString()));
        for (int i = 0; i < fields.length; i += 2) body.put((String) fields[i], fields[i + 1]);
        Api.Response response = api.post("/api/workflows", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        created.add(response.body().get("id").asString());
        return response.body();
    }

    JsonNode workflow(String id) {
        Api.Response response = api.get("/api/workflows/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** Waits (up to 4 minutes: a whole run is many agent runs) until the workflow reaches one of {@code statuses}. */
    JsonNode awaitWorkflow(String id, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = workflow(id);
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isIn(Arrays.asList(statuses));
        });
        return last[0];
    }

    /** Waits until the workflow has a step of {@code kind} in {@code cycle}, and returns it. */
    JsonNode awaitStep(String id, String kind, int cycle) {
        JsonNode[] step = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            step[0] = null;
            for (JsonNode s : workflow(id).get("steps")) {
                if (s.get("kind").asString().equals(kind) && s.get("cycle").asInt() == cycle) step[0] = s;
            }
            assertThat(step[0]).as("step " + kind + " " + cycle).isNotNull();
        });
        return step[0];
    }

    /** The workflow's steps as "kind:cycle:status" strings, in order. */
    static List<String> stepSummary(JsonNode wf) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : wf.get("steps")) {
            out.add(s.get("kind").asString() + ":" + s.get("cycle").asInt() + ":" + s.get("status").asString());
        }
        return out;
    }

    static String blockedCode(JsonNode wf) {
        return wf.get("blockedReason").get("code").asString();
    }

}

package dev.autodev.notes;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.ToolError;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The note tools as an agent calls them: arguments in, JSON out, done as the calling run. */
class NoteToolsTest extends AgentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NoteTools tools;

    @Test
    void anAgentWritesReadsListsAndWatchesNotesAsItsOwnRun() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("still thinking").afterDelay(Duration.ofSeconds(30)));
        String jobId = createJob(aJob("Share results " + marker)).get("id").asString();
        JsonNode run = awaitRun(jobId, "running");
        var agent = new AgentIdentity(run.get("id").asString(), jobId, run.get("model").asString(), Path.of("."));
        String ns = "tools-" + UUID.randomUUID() + "/";
        try {
            JsonNode written = call(agent, "write_note", Map.of("key", ns + "results/step1", "value", "42"));
            JsonNode read = call(agent, "read_note", Map.of("key", ns + "results/step1"));
            JsonNode missing = call(agent, "read_note", Map.of("key", ns + "results/step2"));
            JsonNode listed = call(agent, "list_notes", Map.of("prefix", ns));
            JsonNode watched = call(agent, "watch_notes", Map.of("keys", ns + "results/step1", "timeout_ms", 5000));
            JsonNode timedOut = call(agent, "watch_notes", Map.of("prefix", ns + "later/", "timeout_ms", 50));

            assertThat(written.get("written").asBoolean()).isTrue();
            assertThat(read.get("found").asBoolean()).isTrue();
            assertThat(read.get("value").asString()).isEqualTo("42");
            assertThat(read.get("writtenByRunId").asString()).isEqualTo(agent.runId());
            assertThat(missing.toString()).isEqualTo("{\"found\":false,\"key\":\"" + ns + "results/step2\"}");
            assertThat(listed.get("count").asInt()).isEqualTo(1);
            assertThat(watched.get("timedOut").asBoolean()).isFalse();
            assertThat(watched.get("notes").get(0).get("value").asString()).isEqualTo("42");
            assertThat(timedOut.get("timedOut").asBoolean()).isTrue();
            assertThat(timedOut.get("message").asString()).contains("call watch_notes again");
        } finally {
            api.post("/api/jobs/" + jobId + "/cancel", null);
        }
    }

    @Test
    void badArgumentsComeBackAsErrorsTheModelCanActOn() {
        var agent = new AgentIdentity("no-run", "no-job", "m", Path.of("."));

        assertThatThrownBy(() -> call(agent, "write_note", Map.of("key", "/abs", "value", "x")))
                .isInstanceOf(ToolError.class).hasMessageStartingWith("key: must not start with '/'");
        assertThatThrownBy(() -> call(agent, "write_note", Map.of("key", "a")))
                .isInstanceOf(ToolError.class).hasMessageStartingWith("value: required");
        assertThatThrownBy(() -> call(agent, "watch_notes", Map.of()))
                .isInstanceOf(ToolError.class).hasMessageStartingWith("keys: give keys to wait for, or a prefix");
        assertThatThrownBy(() -> call(agent, "watch_notes", Map.of("keys", "a", "timeout_ms", -1)))
                .isInstanceOf(ToolError.class).hasMessageStartingWith("timeout_ms: must be 0 or more");
    }

    @Test
    void everyToolHasADescriptionAndAValidJsonSchema() {
        assertThat(tools.tools()).extracting(McpTool::name)
                .containsExactly("write_note", "read_note", "list_notes", "watch_notes");
        for (McpTool tool : tools.tools()) {
            assertThat(tool.description()).isNotBlank();
            assertThat(JSON.readTree(tool.inputSchema()).get("type").asString()).isEqualTo("object");
        }
    }

    private JsonNode call(AgentIdentity agent, String name, Map<String, Object> args) throws Exception {
        McpTool tool = tools.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        Object result = tool.handler().call(agent, JSON.valueToTree(args));
        return JSON.valueToTree(result);
    }
}

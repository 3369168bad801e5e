package dev.autodev.locks;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The real Claude Code CLI locking over MCP and editing through the installed hook. */
class LockedEditsEndToEndTest extends AgentIntegrationTest {

    @Autowired
    FileLockRegistry registry;

    @Test
    void anAgentThatLocksAFileCanWriteIt() throws IOException {
        Path workDir = newWorkDir().toRealPath();
        Path file = workDir.resolve("notes.txt");
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("notes.txt"), "reason", "writing notes")),
                Step.toolUse("Write", Map.of("file_path", file.toString(), "content", "written under a lock\n")),
                Step.text("done"));

        JsonNode job = awaitJob(createJob(aJob("Write notes " + marker).inDir(workDir.toString())).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        List<RecordedRequest> calls = MODEL.requestsFor(marker);
        assertThat(calls.get(1).lastToolResultText()).contains("\"status\":\"acquired\"");
        assertThat(Files.readString(file)).isEqualTo("written under a lock\n");
        String runId = job.get("runs").get(0).get("id").asString();
        await().until(() -> registry.list().stream().noneMatch(l -> l.runId().equals(runId)));
    }

    @Test
    void theHookRefusesAWriteWithoutALock() throws IOException {
        Path workDir = newWorkDir().toRealPath();
        Path file = workDir.resolve("unlocked.txt");
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("Write", Map.of("file_path", file.toString(), "content", "should not land\n")),
                Step.text("done"));

        JsonNode job = awaitJob(createJob(aJob("Write without lock " + marker).inDir(workDir.toString())).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(file).doesNotExist();
        assertThat(MODEL.requestsFor(marker).getLast().lastToolResultText()).contains("mcp__orchestrator__lock_files");
    }
}

package dev.autodev.locks;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import dev.autodev.testsupport.fakeopenai.ResponsesRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real Codex CLI editing through the lock hook, installed as its PreToolUse hook: an edit of a file the run has
 * not locked is refused, the same edit after {@code lock_files} goes through.
 */
class CodexLockedEditsEndToEndTest extends AgentIntegrationTest {

    /** A model Codex has no metadata for: it offers MCP tools directly, and apply_patch only through the shell. */
    private static final String SHELL_PATCH_MODEL = "codex-gpt-5.4";

    private static final String PATCH = """
            *** Begin Patch
            *** Update File: notes.txt
            @@
            -before
            +after
            *** End Patch
            """;

    @Test
    void anApplyPatchOfAnUnlockedFileIsRefusedAndGoesThroughOnceLocked() throws IOException {
        Path workDir = newWorkDir().toRealPath();
        Path notes = Files.writeString(workDir.resolve("notes.txt"), "before\n");
        String marker = newMarker();
        OPENAI.script(marker,
                ResponseStep.applyPatch(PATCH),
                ResponseStep.toolSearch("lock files before editing them"),
                ResponseStep.mcpTool("lock_files", Map.of("files", List.of("notes.txt"), "reason", "editing notes")),
                ResponseStep.applyPatch(PATCH),
                ResponseStep.text("Edited under a lock."));

        JsonNode job = awaitJob(createJob(aJob("Edit the notes " + marker).with("model", "codex")
                .inDir(workDir.toString())).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        List<ResponsesRequest> requests = OPENAI.requestsFor(marker);
        assertThat(requests).hasSize(5);
        // The refusal is the tool's output the model reads, with what to do about it.
        assertThat(requests.get(1).lastFunctionOutput())
                .contains("blocked by PreToolUse hook", "Edit blocked", workDir.resolve("notes.txt").toString(), "lock_files");
        assertThat(requests.get(3).lastFunctionOutput()).contains("acquired");
        // The locked patch applies to the untouched file: had the refused one gone through, "-before" would not match.
        assertThat(requests.get(4).lastFunctionOutput()).contains("Success").doesNotContain("blocked");
        assertThat(notes).hasContent("after");

        String runId = job.get("runs").get(0).get("id").asString();
        List<JsonNode> events = events(runId);
        // Codex's JSON output has no item for a refused call, so the one patch that ran is the only file change.
        assertThat(events).filteredOn(e -> e.get("type").asString().equals("tool_use"))
                .extracting(e -> e.get("text").asString())
                .containsExactly("mcp__orchestrator__lock_files", "apply_patch");
        assertThat(Files.readString(ROOT.resolve("agent-logs").resolve(runId + ".stderr")))
                .contains("blocked by PreToolUse hook: Edit blocked");
        // Bypassing hook trust makes Codex warn on every run; that is not an error of the run.
        assertThat(events).noneMatch(e -> e.get("type").asString().equals("error"));
    }

    @Test
    void aPatchThroughTheShellIsCheckedTooWhileOtherShellWritesAreNot() throws IOException {
        Path workDir = newWorkDir().toRealPath();
        Path notes = Files.writeString(workDir.resolve("notes.txt"), "before\n");
        String shellPatch = "apply_patch <<'EOF'\n" + PATCH + "EOF\n";
        String marker = newMarker();
        OPENAI.script(marker,
                ResponseStep.shell(shellPatch),
                // The hook cannot tell what a command without a patch writes: this one runs unlocked.
                ResponseStep.shell("echo unchecked > free.txt"),
                ResponseStep.mcpTool("lock_files", Map.of("files", List.of("notes.txt"), "reason", "editing notes")),
                ResponseStep.shell(shellPatch),
                ResponseStep.text("Edited under a lock."));

        JsonNode job = awaitJob(createJob(aJob("Patch by shell " + marker).with("model", SHELL_PATCH_MODEL)
                .inDir(workDir.toString())).get("id").asString(), "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        List<ResponsesRequest> requests = OPENAI.requestsFor(marker);
        assertThat(requests).hasSize(5);
        assertThat(requests.get(1).lastFunctionOutput()).contains("blocked by PreToolUse hook", "lock_files");
        assertThat(workDir.resolve("free.txt")).hasContent("unchecked");
        assertThat(requests.get(3).lastFunctionOutput()).contains("acquired");
        assertThat(requests.get(4).lastFunctionOutput()).contains("Success").doesNotContain("blocked");
        assertThat(notes).hasContent("after");
    }

    private List<JsonNode> events(String runId) {
        return api.get("/api/agents/" + runId + "/output").body().get("events").valueStream().toList();
    }
}

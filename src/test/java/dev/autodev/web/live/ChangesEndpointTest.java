package dev.autodev.web.live;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/agents/{id}/changes} on real git repositories. */
class ChangesEndpointTest extends AgentIntegrationTest {

    @Test
    void changesShowTheDiffAndTheUntrackedFilesAnAgentLeft() throws Exception {
        Path repo = newWorkDir();
        Files.writeString(repo.resolve("README.md"), "old line\n");
        git(repo, "init", "-q");
        git(repo, "add", "README.md");
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "first");
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("README.md", "new.txt"), "reason", "edit")),
                // Claude Code writes over a file only after reading it.
                Step.toolUse("Read", Map.of("file_path", repo.resolve("README.md").toString())),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("README.md").toString(), "content", "new line\n")),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("new.txt").toString(), "content", "hello\n")),
                Step.text("Edited."));

        JsonNode job = awaitJob(createJob(aJob("Edit the readme " + marker).inDir(repo.toString())).get("id").asString(),
                "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");

        Api.Response changes = api.get("/api/agents/" + job.get("runs").get(0).get("id").asString() + "/changes");
        assertThat(changes.status()).as(changes.text()).isEqualTo(200);
        assertThat(changes.body().get("diff").asString()).contains("-old line", "+new line");
        assertThat(changes.body().get("untracked").valueStream().map(JsonNode::asString)).contains("new.txt");
        assertThat(changes.body().get("head").asString()).hasSize(40);
        assertThat(changes.body().get("truncated").asBoolean()).isFalse();
    }

    @Test
    void changesOfARunOutsideAGitRepositoryAreAConflict() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("nothing to change"));
        Path dir = newWorkDir();

        JsonNode job = awaitJob(createJob(aJob("Do nothing " + marker).inDir(dir.toString())).get("id").asString(), "done");

        Api.Response changes = api.get("/api/agents/" + job.get("runs").get(0).get("id").asString() + "/changes");
        assertThat(changes.status()).isEqualTo(409);
        assertThat(changes.body().get("message").asString()).contains("not a git repository");
        assertThat(api.get("/api/agents/no-such-run/changes").status()).isEqualTo(404);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}

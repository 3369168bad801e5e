package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Completion checks decide whether a run that reported success really counts as done. */
class CompletionChecksEndToEndTest extends AgentIntegrationTest {

    @Test
    void diffNotEmptyPassesWhenTheAgentChangedSomething() {
        String marker = newMarker();
        Path repo = newRepo();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("new.txt"), "reason", "add it")),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("new.txt").toString(), "content", "new\n")),
                Step.text("Added new.txt."));

        JsonNode job = run(aJob("Add a file " + marker).inDir(repo.toString()).with("completionChecks", List.of("diff_not_empty")));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
    }

    @Test
    void diffNotEmptyFailsARunThatChangedNothing() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Nothing to do."));

        JsonNode job = run(aJob("Change nothing " + marker).inDir(newRepo().toString())
                .with("completionChecks", List.of("diff_not_empty")));

        assertCheckFailed(job, "completion check diff_not_empty failed: no changes");
    }

    @Test
    void noErrorInOutputPassesACleanRun() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("All fine."));

        JsonNode job = run(aJob("Be clean " + marker).with("completionChecks", List.of("no_error_in_output")));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
    }

    @Test
    void noErrorInOutputFailsARunWhoseToolFailed() {
        String marker = newMarker();
        Path dir = newWorkDir();
        MODEL.script(marker,
                Step.toolUse("Read", Map.of("file_path", dir.resolve("missing.txt").toString())),
                Step.text("Could not read it, but done."));

        JsonNode job = run(aJob("Read a missing file " + marker).inDir(dir.toString())
                .with("completionChecks", List.of("no_error_in_output")));

        assertCheckFailed(job, "completion check no_error_in_output failed: a tool failed");
    }

    @Test
    void customCommandPassesOnExitZeroAndFailsWithItsOutput() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Built."));

        JsonNode passed = run(aJob("Build it " + marker).with("completionChecks", List.of("custom_command:test -d .")));
        JsonNode failed = run(aJob("Build it again " + marker)
                .with("completionChecks", List.of("custom_command:echo 'compile error in Main.java'; exit 3")));

        assertThat(passed.get("status").asString()).as(passed.toString()).isEqualTo("done");
        assertCheckFailed(failed, "completion check custom_command:echo 'compile error in Main.java'; exit 3 failed: exit code 3");
        assertThat(failed.get("statusReason").asString()).contains("compile error in Main.java");
    }

    @Test
    void unknownChecksRetryPoliciesAndRetryCountsAreRefused() {
        assertRefused(aJob("x").with("completionChecks", List.of("tests_pass")).body(), "completionChecks");
        assertRefused(aJob("x").with("completionChecks", List.of("custom_command:")).body(), "completionChecks");
        assertRefused(aJob("x").with("retryPolicy", "forever").body(), "retryPolicy");
        assertRefused(aJob("x").with("retryPolicy", "same").with("maxRetries", 11).body(), "maxRetries");
        assertRefused(aJob("x").with("maxRetries", -1).body(), "maxRetries");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        var response = api.post("/api/jobs", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    private JsonNode run(dev.autodev.testsupport.JobRequestBuilder request) {
        return awaitJob(createJob(request).get("id").asString(), "done", "failed");
    }

    private static void assertCheckFailed(JsonNode job, String reasonStart) {
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("statusReason").asString()).startsWith(reasonStart);
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("failureKind").asString()).isEqualTo("check_failed");
        assertThat(run.get("errorMessage").asString()).startsWith(reasonStart);
    }

    private static Path newRepo() {
        return GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString())).checkout();
    }
}

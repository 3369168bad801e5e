package dev.autodev.git;

import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A job with useWorktree works on its own branch, which ends up committed, pushed and proposed as a pull request. */
class WorktreeJobsEndToEndTest extends AgentIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    WorktreeJanitor janitor;

    @Test
    void worktreeJobCommitsPushesAndOpensAPullRequest() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        AtomicReference<Path> worktree = new AtomicReference<>();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("notes.txt"), "reason", "write notes")),
                Step.toolUse("Write", request -> Map.of("file_path", worktree.get().resolve("notes.txt").toString(),
                        "content", "written in a worktree\n")),
                Step.text("Wrote notes.txt."));

        JsonNode created = createJob(aJob("Write the notes " + marker).inDir(repo.checkout().toString())
                .with("useWorktree", true));
        String jobId = created.get("id").asString();
        worktree.set(repo.checkout().resolve(".orchestrator-worktrees").resolve(jobId.substring(0, 8)));

        JsonNode job = awaitJob(jobId, "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        String branch = job.get("branch").asString();
        assertThat(branch).startsWith("autodev/" + jobId.substring(0, 8) + "-write-the-notes");
        assertThat(job.get("prUrl").asString()).isEqualTo(FAKE_PR_URL);
        assertThat(job.get("useWorktree").asBoolean()).isTrue();

        // The agent's file was committed on its branch and pushed to origin; the main checkout is untouched.
        assertThat(git(repo.origin(), "show", branch + ":notes.txt")).isEqualTo("written in a worktree\n");
        assertThat(git(repo.origin(), "log", "--format=%s", "main.." + branch)).contains("Write the notes");
        assertThat(repo.checkout().resolve("notes.txt")).doesNotExist();
        assertThat(git(repo.checkout(), "status", "--porcelain")).isBlank();

        String ghCalls = Files.readString(GH_CALLS);
        assertThat(ghCalls).contains("pr\ncreate\n--head\n" + branch + "\n--title\n").contains("Wrote notes.txt.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worktree.get()).doesNotExist());
        assertThat(git(repo.checkout(), "branch", "--list", branch)).contains(branch);
    }

    @Test
    void orphanedWorktreesAreRemovedAtStart() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        MODEL.script(marker, Step.text("nothing to do"));
        // A finished worktree job makes the repository one the server knows.
        awaitJob(createJob(aJob("Known repo " + marker).inDir(repo.checkout().toString()).with("useWorktree", true))
                .get("id").asString(), "done");
        Path stray = repo.checkout().resolve(".orchestrator-worktrees").resolve("left-behind");
        git(repo.checkout(), "worktree", "add", "-b", "left-behind", stray.toString(), "HEAD");
        assertThat(stray).isDirectory();

        janitor.cleanUp();

        assertThat(stray).doesNotExist();
        assertThat(git(repo.checkout(), "worktree", "list")).doesNotContain("left-behind");
        assertThat(git(repo.checkout(), "branch", "--list", "left-behind")).contains("left-behind");
    }

    @Test
    void aFailedWorktreeRunIsStillCommittedAndPushedButGetsNoPullRequest() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        MODEL.script(marker, Step.text("I did not get far."));

        // The check leaves a file behind, so the failed run has something to commit.
        JsonNode job = awaitJob(createJob(aJob("Half done " + marker).inDir(repo.checkout().toString()).with("useWorktree", true)
                .with("completionChecks", List.of("custom_command:echo partial > partial.txt; exit 1"))).get("id").asString(),
                "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        String branch = job.get("branch").asString();
        assertThat(job.get("prUrl").isNull()).isTrue();
        assertThat(git(repo.origin(), "show", branch + ":partial.txt")).isEqualTo("partial\n");
        assertThat(Files.exists(GH_CALLS) ? Files.readString(GH_CALLS) : "").doesNotContain(branch);
    }

    @Test
    void useWorktreeOutsideAGitRepositoryIsRefused() {
        var response = api.post("/api/jobs", aJob("No repo here").inDir(newWorkDir().toString()).with("useWorktree", true).body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("useWorktree");
    }
}

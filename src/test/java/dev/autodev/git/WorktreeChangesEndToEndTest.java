package dev.autodev.git;

import static dev.autodev.testsupport.ChangesJson.files;
import static dev.autodev.testsupport.ChangesJson.subjects;
import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Changes of a worktree job's runs: read in the worktree while it exists, from the branch once it is removed. */
class WorktreeChangesEndToEndTest extends AgentIntegrationTest {

    @Test
    void changesShowWhatTheAgentCommittedLeftUncommittedAndLeftUntrackedInItsWorktree() {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        String start = git(repo.checkout(), "rev-parse", "HEAD").strip();
        MODEL.script(marker,
                Step.toolUse("Bash", Map.of("command", "printf 'committed\\n' > committed.txt && git add committed.txt"
                        + " && git commit -q -m 'Add committed.txt' && printf 'edited\\n' >> README.md"
                        + " && printf 'untracked\\n' > untracked.txt")),
                // Holds the run while the test looks at its worktree.
                Step.toolUse("mcp__orchestrator__ask_user", Map.of("question", "Look now? " + marker)),
                Step.text("Done."));
        String jobId = createJob(aJob("Leave three kinds of change " + marker).inDir(repo.checkout().toString())
                .with("useWorktree", true)).get("id").asString();
        Path worktree = repo.checkout().resolve(".orchestrator-worktrees").resolve(jobId.substring(0, 8));
        JsonNode run = awaitRun(jobId, "waiting_user");
        String runId = run.get("id").asString();
        assertThat(run.get("workDir").asString()).isEqualTo(worktree.toString());
        assertThat(run.get("baseCommit").asString()).isEqualTo(start);

        JsonNode live = changes(runId, "");

        assertThat(live.get("source").asString()).isEqualTo("worktree");
        assertThat(live.get("scope").asString()).isEqualTo("run");
        assertThat(live.get("workDir").asString()).isEqualTo(worktree.toString());
        assertThat(live.get("branch").asString()).startsWith("autodev/" + jobId.substring(0, 8));
        assertThat(live.get("base").asString()).isEqualTo(start);
        assertThat(live.get("head").asString()).isNotEqualTo(start).isEqualTo(git(worktree, "rev-parse", "HEAD").strip());
        assertThat(subjects(live)).containsExactly("Add committed.txt");
        assertThat(files(live)).containsExactly(
                "README.md modified +1 -0 tracked", "committed.txt added +1 -0 tracked", "untracked.txt added +1 -0 untracked");
        assertThat(live.get("diff").asString()).contains("+committed", "+edited", "+untracked", "new file mode");
        assertThat(live.get("untracked").valueStream().map(JsonNode::asString)).containsExactly("untracked.txt");
        assertThat(live.get("note").isNull()).isTrue();
        // Reading changed nothing: the untracked file is still untracked, the edit still unstaged.
        assertThat(git(worktree, "status", "--porcelain")).isEqualTo(" M README.md\n?? untracked.txt\n");

        answerPendingQuestion(runId, "yes");
        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worktree).doesNotExist());

        JsonNode kept = changes(runId, "");

        assertThat(kept.get("source").asString()).isEqualTo("branch");
        assertThat(kept.get("workDir").asString()).isEqualTo(repo.checkout().toString());
        assertThat(kept.get("base").asString()).isEqualTo(start);
        assertThat(kept.get("head").asString()).isEqualTo(git(repo.checkout(), "rev-parse", kept.get("branch").asString()).strip());
        // What was left at the end was committed on the branch, so all three files are there, none untracked.
        assertThat(files(kept)).containsExactly(
                "README.md modified +1 -0 tracked", "committed.txt added +1 -0 tracked", "untracked.txt added +1 -0 tracked");
        assertThat(subjects(kept)).hasSize(2).contains("Add committed.txt");
        assertThat(kept.get("untracked").size()).isZero();
        assertThat(kept.get("diff").asString()).contains("+committed");
    }

    @Test
    void aContinuedRunCountsFromWhereItStartedAndTheJobScopeFromTheFirstRun() {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        String start = git(repo.checkout(), "rev-parse", "HEAD").strip();
        MODEL.script(marker,
                Step.toolUse("Bash", Map.of("command", "printf 'first\\n' > first.txt")),
                Step.text("First part done."),
                Step.toolUse("Bash", Map.of("command", "printf 'second\\n' > second.txt")),
                Step.text("Second part done."));
        String jobId = createJob(aJob("Two parts " + marker).inDir(repo.checkout().toString()).with("useWorktree", true))
                .get("id").asString();
        JsonNode first = awaitJob(jobId, "done", "failed").get("runs").get(0);
        String branch = job(jobId).get("branch").asString();
        String afterFirst = git(repo.checkout(), "rev-parse", branch).strip();

        Api.Response continued = api.post("/api/agents/" + first.get("id").asString() + "/continue", Map.of("message", "Go on."));
        assertThat(continued.status()).as(continued.text()).isEqualTo(202);
        JsonNode job = awaitJob(jobId, "done", "failed");
        assertThat(job.get("runs").size()).isEqualTo(2);
        JsonNode second = job.get("runs").get(1);
        assertThat(second.get("status").asString()).isEqualTo("done");
        // The continued run worked in the same worktree (checked out again), starting from the first run's end.
        assertThat(second.get("workDir").asString()).isEqualTo(first.get("workDir").asString());
        assertThat(first.get("baseCommit").asString()).isEqualTo(start);
        assertThat(second.get("baseCommit").asString()).isEqualTo(afterFirst).isNotEqualTo(start);
        Path worktree = Path.of(second.get("workDir").asString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worktree).doesNotExist());

        JsonNode ofRun = changes(second.get("id").asString(), "");
        JsonNode ofJob = changes(second.get("id").asString(), "?scope=job");

        assertThat(ofRun.get("base").asString()).isEqualTo(afterFirst);
        assertThat(files(ofRun)).containsExactly("second.txt added +1 -0 tracked");
        assertThat(ofRun.get("commits").size()).isEqualTo(1);
        assertThat(ofJob.get("scope").asString()).isEqualTo("job");
        assertThat(ofJob.get("base").asString()).isEqualTo(start);
        assertThat(files(ofJob)).containsExactly("first.txt added +1 -0 tracked", "second.txt added +1 -0 tracked");
        assertThat(ofJob.get("commits").size()).isEqualTo(2);
        assertThat(List.of(ofRun.get("source").asString(), ofJob.get("source").asString())).containsOnly("branch");
    }

    private JsonNode changes(String runId, String query) {
        Api.Response response = api.get("/api/agents/" + runId + "/changes" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private void answerPendingQuestion(String runId, String answer) {
        JsonNode question = api.get("/api/questions?status=pending").body().valueStream()
                .filter(q -> q.get("runId").asString().equals(runId)).findFirst().orElseThrow();
        Api.Response answered = api.post("/api/questions/" + question.get("id").asString() + "/answer", Map.of("answer", answer));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
    }
}

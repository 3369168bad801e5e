package dev.autodev.debates;

import static dev.autodev.debates.DebateScripts.claudeSays;
import static dev.autodev.debates.DebateScripts.codexSays;
import static dev.autodev.testsupport.DebateRequestBuilder.aDebate;
import static dev.autodev.testsupport.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.DebateRequestBuilder;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Debates that act in a worktree of their own, in a real git repository whose origin is a local bare repository,
 * with the stand-in {@code gh}: the turns analyse in the work dir, the post-action, review and refinements share one
 * worktree on one branch, which is pushed and proposed when the acting ends done.
 */
class DebateWorktreesEndToEndTest extends AgentIntegrationTest {

    @Autowired
    DebateWorktrees worktrees;
    @Autowired
    DebateRepository debates;

    @Test
    void thePostActionReviewAndRefinementsShareOneWorktreeWhoseBranchIsPushedAndProposed() throws Exception {
        String marker = newMarker();
        String act = "[act " + UUID.randomUUID() + "]";
        String report = "PA-DONE " + UUID.randomUUID();
        String review = "REVIEW " + UUID.randomUUID();
        GitRepos.Cloned repo = newRepo();
        OPENAI.script(review, ResponseStep.shell("printf v2 > result.txt"), ResponseStep.text("Refined: now v2."));
        OPENAI.script(act, ResponseStep.shell("printf v1 > result.txt && git add result.txt && git commit -qm 'Write v1'"),
                ResponseStep.text(report + ": wrote v1."));
        MODEL.script(report, Step.text(review + ": v2 is the agreed value, not v1."));
        MODEL.script(marker, claudeSays("agree", "The value is v2.", "v2."));
        OPENAI.script(marker, codexSays("agree", "v2 it is.", "v2."));

        DebateRequestBuilder request = aDebate("Which value? " + marker).withRounds(1).inDir(repo.checkout().toString())
                .thenAct("Write the agreed value to result.txt " + act, "codex", true).with("useWorktree", true);
        JsonNode created = createDebate(request);
        assertThat(created.get("useWorktree").asBoolean()).isTrue();
        String id = created.get("id").asString();
        JsonNode debate = awaitWorktreeRemoved(id);

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        assertThat(debate.get("actions").valueStream().map(a -> a.get("stage").asString() + ":" + a.get("jobStatus").asString()))
                .containsExactly("post_action:done", "review:done", "refine:done");
        String branch = debate.get("branch").asString();
        Path worktree = Path.of(debate.get("worktreePath").asString());
        assertThat(branch).startsWith("autodev/debate-" + id.substring(0, 8));
        assertThat(debate.get("prUrl").asString()).isEqualTo(FAKE_PR_URL);
        // The agent's own commit and what the refinement left uncommitted are both on the pushed branch.
        assertThat(git(repo.origin(), "show", branch + ":result.txt")).isEqualTo("v2");
        assertThat(git(repo.origin(), "log", "--format=%s", "main.." + branch)).contains("Write v1").contains("Which value?");
        assertThat(worktree).doesNotExist();
        assertThat(git(repo.checkout(), "branch", "--list", branch)).contains(branch);
        // The work dir itself is untouched.
        assertThat(repo.checkout().resolve("result.txt")).doesNotExist();
        assertThat(git(repo.checkout(), "status", "--porcelain")).isEmpty();
        assertThat(git(repo.checkout(), "rev-parse", "--abbrev-ref", "HEAD").strip()).isEqualTo("main");
        // The turns analysed in the work dir; every acting job worked in the one worktree.
        for (JsonNode ref : debate.get("jobs")) {
            String expected = ref.get("stage").asString().equals("turn") ? repo.checkout().toString() : worktree.toString();
            assertThat(job(ref.get("jobId").asString()).get("workDir").asString()).as(ref.toString()).isEqualTo(expected);
        }
        assertThat(MODEL.requestsFor(report).getFirst().firstUserText()).contains(worktree.toString(), branch);
        String gh = Files.readString(GH_CALLS);
        assertThat(gh).contains("pr\ncreate\n--head\n" + branch + "\n");
        assertThat(gh).contains("## Conclusion", "The value is v2.");
    }

    @Test
    void everyLoopActsInTheSameWorktreeAndTheNextLoopIsToldWhereTheChangesAre() {
        String marker = newMarker();
        String act = "[act " + UUID.randomUUID() + "]";
        String result = "PA-RESULT " + UUID.randomUUID();
        OPENAI.script(act, ResponseStep.shell("printf x >> notes.txt"), ResponseStep.text(result + ": one more x."));
        MODEL.script(marker, claudeSays("agree", "Add an x.", "x."));
        OPENAI.script(marker, codexSays("agree", "An x it is.", "x."));
        GitRepos.Cloned repo = newRepo();

        String id = createDebate(aDebate("How many x? " + marker).withRounds(1).withLoops(2).inDir(repo.checkout().toString())
                .thenAct("Append an x to notes.txt " + act, "codex", false).with("useWorktree", true)).get("id").asString();
        JsonNode debate = awaitWorktreeRemoved(id);

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        String branch = debate.get("branch").asString();
        assertThat(git(repo.origin(), "show", branch + ":notes.txt")).isEqualTo("xx");
        assertThat(MODEL.requestsFor(result).stream().map(r -> r.firstUserText()).filter(t -> t.contains("loop 2 of 2")))
                .isNotEmpty().allSatisfy(t -> assertThat(t).contains(debate.get("worktreePath").asString(), branch));
        assertThat(repo.checkout().resolve("notes.txt")).doesNotExist();
    }

    @Test
    void aPostActionThatChangesNothingEndsWithoutAPushOrAPullRequest() {
        String marker = newMarker();
        String act = "[act " + UUID.randomUUID() + "]";
        MODEL.script(act, Step.text("Nothing needed changing."));
        MODEL.script(marker, claudeSays("agree", "Leave it.", "Leave it."));
        OPENAI.script(marker, codexSays("agree", "Leave it.", "Leave it."));
        GitRepos.Cloned repo = newRepo();

        String id = createDebate(aDebate("Change anything? " + marker).withRounds(1).inDir(repo.checkout().toString())
                .thenAct("Change what needs changing " + act, "claude", false).with("useWorktree", true)).get("id").asString();
        JsonNode debate = awaitWorktreeRemoved(id);

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        assertThat(debate.get("prUrl").isNull()).isTrue();
        String branch = debate.get("branch").asString();
        assertThat(git(repo.checkout(), "branch", "--list", branch)).contains(branch);
        assertThat(git(repo.origin(), "branch", "--list", branch)).isEmpty();
    }

    @Test
    void aWorktreeNeedsAWorkDirInsideAGitRepository() {
        long before = api.get("/api/debates?size=1").body().get("total").asLong();
        Api.Response refused = api.post("/api/debates", aDebate("x").inDir(newWorkDir().toString())
                .thenAct("Do it", "claude", false).with("useWorktree", true).body());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("workDir");
        assertThat(refused.body().toString()).contains("git repository");
        assertThat(api.get("/api/debates?size=1").body().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void openingTheWorktreeAgainAfterARestartFindsTheOneAlreadyMadeAndACancelRemovesIt() throws Exception {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(60)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(60)));
        GitRepos.Cloned repo = newRepo();
        String id = createDebate(aDebate("Take your time " + marker).inDir(repo.checkout().toString())
                .thenAct("Do it", "claude", false).with("useWorktree", true)).get("id").asString();
        Debate seen = debates.find(id).orElseThrow();
        assertThat(seen.worktreeState()).isEqualTo(WorktreeState.NONE);

        // The same stale state twice, as after a crash between the two: one place is kept, one worktree, one branch.
        Debate first = worktrees.open(seen);
        Debate second = worktrees.open(seen);

        assertThat(second.worktreePath()).isEqualTo(first.worktreePath());
        assertThat(second.branch()).isEqualTo(first.branch());
        assertThat(second.worktreeState()).isEqualTo(WorktreeState.OPEN);
        assertThat(Path.of(first.worktreePath())).isDirectory();
        assertThat(git(repo.checkout(), "worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")))
                .hasSize(2);
        assertThat(git(repo.checkout(), "branch", "--list", "autodev/debate-*").lines()).hasSize(1);

        Api.Response cancelled = api.post("/api/debates/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        JsonNode debate = awaitWorktreeRemoved(id);
        assertThat(debate.get("status").asString()).isEqualTo("cancelled");
        assertThat(debate.get("prUrl").isNull()).isTrue();
        assertThat(Path.of(first.worktreePath())).doesNotExist();
        assertThat(git(repo.checkout(), "branch", "--list", first.branch())).contains(first.branch());
    }

    @Test
    void aBatchRunsUseWorktreeCarriesIntoItsDebatesUnlessTheirOptionsSayOtherwise() {
        String marker = newMarker();
        MODEL.script(marker, claudeSays("agree", "Fine.", "Fine."));
        OPENAI.script(marker, codexSays("agree", "Fine.", "Fine."));
        GitRepos.Cloned repo = newRepo();
        String batchId = api.post("/api/batch-templates", Map.of("name", "Worktree questions " + UUID.randomUUID(),
                "items", java.util.List.of("One question " + marker))).body().get("id").asString();

        Api.Response run = api.post("/api/batch-templates/" + batchId + "/run", Map.of("mode", "debate", "useWorktree", true,
                "workDir", repo.checkout().toString(), "debate", Map.of("maxRounds", 1, "codexModel", "gpt-5.5")));
        assertThat(run.status()).as(run.text()).isEqualTo(201);
        String debateId = run.body().get("debateIds").get(0).asString();
        assertThat(api.get("/api/debates/" + debateId).body().get("useWorktree").asBoolean()).isTrue();

        Api.Response own = api.post("/api/batch-templates/" + batchId + "/run", Map.of("mode", "debate", "useWorktree", true,
                "workDir", repo.checkout().toString(), "debate", Map.of("maxRounds", 1, "codexModel", "gpt-5.5", "useWorktree", false)));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        assertThat(api.get("/api/debates/" + own.body().get("debateIds").get(0).asString()).body().get("useWorktree").asBoolean())
                .isFalse();

        long before = api.get("/api/debates?size=1").body().get("total").asLong();
        Api.Response refused = api.post("/api/batch-templates/" + batchId + "/run", Map.of("mode", "debate",
                "useWorktree", true, "workDir", newWorkDir().toString(), "debate", Map.of("maxRounds", 1)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("workDir");
        assertThat(api.get("/api/debates?size=1").body().get("total").asLong()).isEqualTo(before);
    }

    private static GitRepos.Cloned newRepo() {
        return GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
    }

    private JsonNode createDebate(DebateRequestBuilder request) {
        Api.Response response = api.post("/api/debates", request.body());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    private JsonNode awaitWorktreeRemoved(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = api.get("/api/debates/" + id).body();
            assertThat(last[0].get("worktreeState").asString()).as(last[0].toString()).isEqualTo("removed");
        });
        return last[0];
    }
}

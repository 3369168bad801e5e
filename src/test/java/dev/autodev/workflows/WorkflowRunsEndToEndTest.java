package dev.autodev.workflows;

import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.workflows.PhaseScripts.assess;
import static dev.autodev.workflows.PhaseScripts.claudeReview;
import static dev.autodev.workflows.PhaseScripts.codexReview;
import static dev.autodev.workflows.PhaseScripts.implement;
import static dev.autodev.workflows.PhaseScripts.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Whole autonomous runs through the real CLIs: assess writes the plan, the reviewer validates it, the implementer
 * commits one milestone per cycle on the shared branch, and the run ends with a pushed branch and a pull request.
 */
class WorkflowRunsEndToEndTest extends WorkflowTestBase {

    @Test
    void threeMilestonesPlannedReviewedByCodexImplementedPushedAndProposed() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(3));
        for (int cycle = 1; cycle <= 3; cycle++) {
            MODEL.script(phase(marker, "implement, cycle " + cycle), implement(cycle, 3));
            OPENAI.script(phase(marker, "review, cycle " + cycle), codexReview("Review " + cycle + ": looks right."));
        }

        JsonNode created = createWorkflow("Write three files " + marker, repo.checkout());
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("running");
        assertThat(created.get("reviewerModel").asString()).isEqualTo("codex");
        assertThat(created.get("implementerModel").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(created.get("jobs")).hasSize(1); // the assess job starts before the answer

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        assertThat(stepSummary(wf)).containsExactly("assess:0:done", "review:1:done", "implement:1:done",
                "review:2:done", "implement:2:done", "review:3:done", "implement:3:done", "finalize:3:done");
        assertThat(wf.get("milestones").get("done").asInt()).isEqualTo(3);
        assertThat(wf.get("milestones").get("total").asInt()).isEqualTo(3);
        assertThat(wf.get("prUrl").asString()).isEqualTo(FAKE_PR_URL);
        assertThat(wf.get("costUsd").asDouble()).isPositive();
        // Reviews ran on Codex, the rest on Claude, each phase once.
        List<String> models = new ArrayList<>();
        wf.get("jobs").forEach(j -> models.add(j.get("model").asString()));
        assertThat(models).containsExactly("claude-sonnet-4-6", "codex", "claude-sonnet-4-6", "codex",
                "claude-sonnet-4-6", "codex", "claude-sonnet-4-6");

        // One branch holds every milestone's commit; it is pushed, and the pull request names it.
        String branch = wf.get("branch").asString();
        assertThat(branch).startsWith("autodev/wf-" + id.substring(0, 8));
        assertThat(git(repo.origin(), "log", "--format=%s", "main.." + branch)).contains("M1: file m1.txt")
                .contains("M2: file m2.txt").contains("M3: file m3.txt");
        assertThat(git(repo.origin(), "show", branch + ":m3.txt")).isEqualTo("milestone 3\n");
        String gh = Files.readString(GH_CALLS);
        assertThat(gh).contains("pr\ncreate\n--head\n" + branch + "\n");
        assertThat(ghCallFor(gh, branch)).doesNotContain("--draft");
        assertThat(repo.checkout().resolve("m1.txt")).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Path.of(wf.get("worktreePath").asString())).doesNotExist());

        // The plan is checked off and every phase left a worklog; the reviewer's is its final answer.
        JsonNode plan = api.get("/api/workflows/" + id + "/plan").body();
        assertThat(plan.get("text").asString()).contains("- [x] **M3: file m3**");
        assertThat(plan.get("contract").asString()).contains("one file");
        List<String> keys = new ArrayList<>();
        JsonNode logs = api.get("/api/workflows/" + id + "/worklogs").body();
        logs.forEach(n -> keys.add(n.get("key").asString().substring(("workflow/" + id + "/worklog/").length())));
        assertThat(keys).containsExactlyInAnyOrder("cycle-0-assess", "cycle-1-review", "cycle-1-implement",
                "cycle-2-review", "cycle-2-implement", "cycle-3-review", "cycle-3-implement");
        assertThat(logs.toString()).contains("Review 2: looks right.");

        // Later phases see the plan, contract and worklogs inlined in their prompt.
        String review3 = OPENAI.requestsFor("Phase: review, cycle 3\n").stream()
                .filter(r -> r.userText().contains(marker)).findFirst().orElseThrow().userText();
        assertThat(review3).contains("## Current plan").contains("- [x] **M2: file m2**").contains("## Contract")
                .contains("Review 2: looks right.");
    }

    @Test
    void aClaudeReviewerWorksTheSameWay() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(2));
        for (int cycle = 1; cycle <= 2; cycle++) {
            MODEL.script(phase(marker, "implement, cycle " + cycle), implement(cycle, 2));
            MODEL.script(phase(marker, "review, cycle " + cycle), claudeReview("Claude review " + cycle + ": fine."));
        }

        String id = createWorkflow("Write two files " + marker, repo.checkout(), "reviewerModel", "claude-opus-4-7")
                .get("id").asString();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        assertThat(stepSummary(wf)).containsExactly("assess:0:done", "review:1:done", "implement:1:done",
                "review:2:done", "implement:2:done", "finalize:2:done");
        assertThat(wf.get("jobs").get(1).get("model").asString()).isEqualTo("claude-opus-4-7");
        String branch = wf.get("branch").asString();
        assertThat(git(repo.origin(), "show", branch + ":m2.txt")).isEqualTo("milestone 2\n");
        assertThat(wf.get("prUrl").asString()).isEqualTo(FAKE_PR_URL);
        assertThat(api.get("/api/workflows/" + id + "/worklogs").body().toString()).contains("Claude review 2: fine.");
    }

    @Test
    void maxCyclesWithMilestonesLeftOpensADraftLabelledPartial() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(2));
        MODEL.script(phase(marker, "implement, cycle 1"), implement(1, 2));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("ok"));

        String id = createWorkflow("Two files, one cycle " + marker, repo.checkout(), "maxCycles", 1).get("id").asString();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        assertThat(wf.get("milestones").get("done").asInt()).isEqualTo(1);
        String call = ghCallFor(Files.readString(GH_CALLS), wf.get("branch").asString());
        assertThat(call).contains("--draft\n").contains("--label\npartial\n");
    }

    /** The arguments of the gh call that opened the pull request for {@code branch}. */
    static String ghCallFor(String calls, String branch) {
        for (String call : calls.split("(?m)^--$\n")) {
            if (call.contains("--head\n" + branch + "\n")) return call;
        }
        throw new AssertionError("no gh call for " + branch + " in:\n" + calls);
    }
}

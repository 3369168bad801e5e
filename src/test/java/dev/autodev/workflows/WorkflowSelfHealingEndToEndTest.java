package dev.autodev.workflows;

import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.workflows.PhaseScripts.assess;
import static dev.autodev.workflows.PhaseScripts.codexReview;
import static dev.autodev.workflows.PhaseScripts.idIn;
import static dev.autodev.workflows.PhaseScripts.implement;
import static dev.autodev.workflows.PhaseScripts.phase;
import static dev.autodev.workflows.PhaseScripts.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each self-healing path of a workflow, through the real CLIs, reaching its documented outcome. */
class WorkflowSelfHealingEndToEndTest extends WorkflowTestBase {

    @Test
    void aMissingPlanIsRepairedBeforeTheReview() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), Step.text("I looked around but wrote nothing."));
        MODEL.script(phase(marker, "repair before review, cycle 1"), assess(1));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("Plan ok."));
        MODEL.script(phase(marker, "implement, cycle 1"), implement(1, 1));

        String id = createWorkflow("Repair the plan " + marker, repo.checkout()).get("id").asString();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(stepSummary(wf)).as(wf.toString()).containsExactly("assess:0:done", "repair:1:done", "review:1:done",
                "implement:1:done", "finalize:1:done");
        assertThat(wf.get("status").asString()).isEqualTo("done");
    }

    @Test
    void aPlanThatStaysEmptyBlocksAfterTwoRepairsAndResumesFromAGivenPhaseAndCycle() throws Exception {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), PhaseScripts.note("plan", "Just prose, no milestones."),
                Step.text("Planned, sort of."));
        MODEL.script(phase(marker, "repair before review, cycle 1"), Step.text("Still no idea."));
        MODEL.script(phase(marker, "implement, cycle 2"), implement(1, 1));

        String id = createWorkflow("Empty plan " + marker, repo.checkout(), "maxCycles", 3).get("id").asString();

        JsonNode blocked = awaitWorkflow(id, "blocked", "done");
        assertThat(stepSummary(blocked)).containsExactly("assess:0:done", "repair:1:done", "repair:1:done");
        assertThat(blockedCode(blocked)).isEqualTo("plan_empty");
        assertThat(blocked.get("blockedReason").get("action").asString()).contains("milestones");

        // Refused resumes change nothing.
        assertThat(api.post("/api/workflows/" + id + "/resume", Map.of("phase", "bogus")).body().get("field").asString()).isEqualTo("phase");
        assertThat(api.post("/api/workflows/" + id + "/resume", Map.of("phase", "review", "cycle", 9)).body().get("field").asString()).isEqualTo("cycle");
        assertThat(workflow(id).get("status").asString()).isEqualTo("blocked");

        // A person writes the plan and resumes at implement of cycle 2.
        assertThat(api.put("/api/workflows/" + id + "/plan", Map.of("text", plan(1, 0), "contract", "Commit it.")).status()).isEqualTo(200);
        var resumed = api.post("/api/workflows/" + id + "/resume", Map.of("phase", "implement", "cycle", 2));
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.body().get("blockedReason").isNull()).isTrue();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(stepSummary(wf)).as(wf.toString()).containsExactly("assess:0:done", "repair:1:done", "repair:1:done",
                "implement:2:done", "finalize:2:done");
        assertThat(git(repo.origin(), "show", wf.get("branch").asString() + ":m1.txt")).isEqualTo("milestone 1\n");
    }

    @Test
    void anImplementerThatMakesNoProgressTwiceBlocks() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(2));
        for (int cycle = 1; cycle <= 3; cycle++) {
            OPENAI.script(phase(marker, "review, cycle " + cycle), codexReview("ok"));
            MODEL.script(phase(marker, "implement, cycle " + cycle), Step.text("I could not get anything done."));
        }

        String id = createWorkflow("Stuck " + marker, repo.checkout()).get("id").asString();

        JsonNode wf = awaitWorkflow(id, "blocked", "done");
        assertThat(blockedCode(wf)).isEqualTo("zero_progress");
        assertThat(stepSummary(wf)).containsExactly("assess:0:done", "review:1:done", "implement:1:done",
                "review:2:done", "implement:2:done");
    }

    @Test
    void aRateLimitOnTheImplementersModelRotatesToAnotherModel() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(1));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("ok"));
        List<String> limited = new ArrayList<>(phase(marker, "implement, cycle 1"));
        limited.add("model=claude-sonnet-4-6");
        MODEL.script(limited, Step.error(429, "rate_limit_error", "Number of requests has exceeded your rate limit"));
        MODEL.script(phase(marker, "implement, cycle 1"), implement(1, 1));

        String id = createWorkflow("Rotate " + marker, repo.checkout()).get("id").asString();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        List<JsonNode> implements_ = steps(wf, "implement");
        assertThat(implements_.getFirst().get("status").asString()).isEqualTo("failed");
        assertThat(implements_.getFirst().get("failureKind").asString()).isEqualTo("rate_limit");
        assertThat(implements_.getFirst().get("model").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(implements_.getLast().get("status").asString()).isEqualTo("done");
        assertThat(implements_.getLast().get("model").asString()).isIn("claude-sonnet-4-6[1m]", "claude-haiku-4-5");
    }

    @Test
    void aCliFailingThreeTimesSwitchesToTheOtherProvider() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(1));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("ok"));
        List<String> broken = new ArrayList<>(phase(marker, "implement, cycle 1"));
        broken.add("model=claude-sonnet-4-6");
        MODEL.script(broken, Step.error(500, "api_error", "Internal server error"));
        OPENAI.script(phase(marker, "implement, cycle 1"),
                ResponseStep.shell("echo 'milestone 1' > m1.txt && git add m1.txt && git commit -q -m 'M1: file m1.txt'"),
                ResponseStep.toolSearch("write a note"),
                ResponseStep.mcpTool("write_note", r -> Map.of("key", "workflow/" + idIn(r.userText()) + "/plan", "value", plan(1, 1))),
                ResponseStep.text("M1 done on Codex."));

        String id = createWorkflow("Switch provider " + marker, repo.checkout()).get("id").asString();

        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        List<String> attempts = new ArrayList<>();
        for (JsonNode s : steps(wf, "implement")) attempts.add(s.get("model").asString() + ":" + s.get("status").asString());
        assertThat(attempts).containsExactly("claude-sonnet-4-6:failed", "claude-sonnet-4-6:failed",
                "claude-sonnet-4-6:failed", "codex:done");
        assertThat(git(repo.origin(), "show", wf.get("branch").asString() + ":m1.txt")).isEqualTo("milestone 1\n");
    }

    @Test
    void aWorktreeMovedToAnotherBranchBlocksUntilItIsBackAndTheApprovedPlanIsTheEditedOne() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(1));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("ok"));
        MODEL.script(phase(marker, "implement, cycle 1"), implement(1, 1));

        String id = createWorkflow("Approve first " + marker, repo.checkout(), "approvePlan", true).get("id").asString();

        JsonNode waiting = awaitWorkflow(id, "waiting_approval", "blocked");
        assertThat(blockedCode(waiting)).isEqualTo("plan_approval");
        String edited = plan(1, 0).replace("exists and is committed", "exists, says hello, and is committed");
        assertThat(api.put("/api/workflows/" + id + "/plan", Map.of("text", edited)).status()).isEqualTo(200);
        java.nio.file.Path worktree = java.nio.file.Path.of(waiting.get("worktreePath").asString());
        String branch = waiting.get("branch").asString();
        git(worktree, "checkout", "-q", "-b", "somewhere-else");

        assertThat(api.post("/api/workflows/" + id + "/approve", null).status()).isEqualTo(200);
        JsonNode blocked = awaitWorkflow(id, "blocked", "done");
        assertThat(blockedCode(blocked)).isEqualTo("worktree_branch_mismatch");
        assertThat(blocked.get("blockedReason").get("message").asString()).contains("somewhere-else").contains(branch);

        var refused = api.post("/api/workflows/" + id + "/resume", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(workflow(id).get("status").asString()).isEqualTo("blocked");

        git(worktree, "checkout", "-q", branch);
        assertThat(api.post("/api/workflows/" + id + "/resume", null).status()).isEqualTo(200);
        JsonNode wf = awaitWorkflow(id, "done", "blocked");
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        assertThat(stepSummary(wf)).containsExactly("assess:0:done", "review:1:done", "implement:1:done", "finalize:1:done");
        String review = OPENAI.requestsFor("Phase: review, cycle 1\n").stream().filter(r -> r.userText().contains(marker))
                .findFirst().orElseThrow().userText();
        assertThat(review).contains("says hello");
    }

    @Test
    void theBudgetPausesTheRunUntilMoreIsApprovedAndCancelStopsIt() {
        String marker = newMarker();
        GitRepos.Cloned repo = newRepo();
        MODEL.script(phase(marker, "assess, cycle 0"), assess(1));
        OPENAI.script(phase(marker, "review, cycle 1"), ResponseStep.text("slow review").afterDelay(java.time.Duration.ofSeconds(30)));

        String id = createWorkflow("Cheap " + marker, repo.checkout(), "maxCostUsd", 0.000001).get("id").asString();

        JsonNode paused = awaitWorkflow(id, "waiting_approval", "blocked");
        assertThat(blockedCode(paused)).isEqualTo("budget_reached");
        assertThat(paused.get("blockedReason").get("message").asString()).contains("budget");
        assertThat(paused.get("costUsd").asDouble()).isPositive();
        assertThat(api.post("/api/workflows/" + id + "/approve", null).body().get("field").asString()).isEqualTo("additionalUsd");
        assertThat(api.post("/api/workflows/" + id + "/resume", null).status()).isEqualTo(409);

        var approved = api.post("/api/workflows/" + id + "/approve", Map.of("additionalUsd", 5));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("budgetUsd").asDouble()).isGreaterThan(5);
        JsonNode review = awaitStep(id, "review", 1);
        awaitJob(review.get("jobId").asString(), "running");

        var cancelled = api.post("/api/workflows/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("cancelled");
        assertThat(job(review.get("jobId").asString()).get("status").asString()).isEqualTo("cancelled");
        assertThat(java.nio.file.Path.of(cancelled.body().get("worktreePath").asString())).doesNotExist();
        assertThat(git(repo.checkout(), "branch", "--list", cancelled.body().get("branch").asString())).isNotBlank();
        assertThat(api.post("/api/workflows/" + id + "/cancel", null).status()).isEqualTo(409);
    }

    private static List<JsonNode> steps(JsonNode wf, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : wf.get("steps")) if (s.get("kind").asString().equals(kind)) out.add(s);
        return out;
    }
}

package dev.autodev.journeys;

import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.workflows.PhaseScripts.assess;
import static dev.autodev.workflows.PhaseScripts.codexReview;
import static dev.autodev.workflows.PhaseScripts.implement;
import static dev.autodev.workflows.PhaseScripts.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An autonomous run on the packaged jar with its defaults (Claude implements, Codex reviews), as a user starts it
 * in the evening; the server is killed with -9 in the middle of a phase and started again, and the run still ends
 * in a pull request with every phase run exactly once.
 */
class WorkflowJourneyIT extends FreshServerJourney {

    @Test
    void aRunSurvivesAKilledServerMidPhaseAndEndsInAPullRequestWithNoPhaseRunTwice() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("workflow journey");
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(machine.elsewhere("workflow-repo"));
        machine.claudeModel.script(phase(marker, "assess, cycle 0"), assess(2));
        for (int cycle = 1; cycle <= 2; cycle++) {
            machine.codexModel.script(phase(marker, "review, cycle " + cycle), codexReview("Review " + cycle + " ok."));
        }
        // The first implement phase, its work done, is slow with its final answer: the server dies in the middle of it.
        Step[] slow = implement(1, 2);
        slow[slow.length - 1] = slow[slow.length - 1].afterDelay(Duration.ofSeconds(6));
        machine.claudeModel.script(phase(marker, "implement, cycle 1"), slow);
        machine.claudeModel.script(phase(marker, "implement, cycle 2"), implement(2, 2));

        Api.Response created = server.api().post("/api/workflows", Map.of("task", "Write two files " + marker,
                "workDir", repo.checkout().toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("reviewerModel").asString()).isEqualTo("codex");

        await().atMost(Duration.ofMinutes(2)).until(() -> calls(marker, "implement, cycle 1", slow.length - 1) == 1);
        server.kill9();
        server.restart();

        JsonNode wf = awaitWorkflow(id);
        assertThat(wf.get("status").asString()).as(wf.toString()).isEqualTo("done");
        List<String> steps = new ArrayList<>();
        wf.get("steps").forEach(s -> steps.add(s.get("kind").asString() + ":" + s.get("cycle").asInt() + ":" + s.get("status").asString()));
        assertThat(steps).containsExactly("assess:0:done", "review:1:done", "implement:1:done", "review:2:done",
                "implement:2:done", "finalize:2:done");
        for (String phase : List.of("assess, cycle 0", "implement, cycle 1", "implement, cycle 2")) {
            assertThat(firstCalls(marker, phase)).as("conversations of " + phase).isEqualTo(1);
        }
        assertThat(wf.get("prUrl").asString()).isEqualTo(JourneyEnvironment.FAKE_PR_URL);
        String branch = wf.get("branch").asString();
        assertThat(git(repo.origin(), "log", "--format=%s", "main.." + branch)).contains("M1: file m1.txt").contains("M2: file m2.txt");
        assertThat(machine.ghCallsSoFar()).contains("--head\n" + branch + "\n");
        assertThat(wf.get("milestones").get("done").asInt()).isEqualTo(2);
    }

    /** How many conversations of a phase began: model calls with no assistant turn yet. */
    private long firstCalls(String marker, String header) {
        return calls(marker, header, 0);
    }

    /** The phase's model calls that had {@code turns} assistant turns before them. */
    private long calls(String marker, String header, int turns) {
        return machine.claudeModel.requestsFor(marker).stream()
                .filter(r -> r.firstUserText().contains("Phase: " + header + "\n"))
                .filter(r -> r.assistantMessageCount() == turns).count();
    }

    private JsonNode awaitWorkflow(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            last[0] = server.api().get("/api/workflows/" + id).body();
            assertThat(last[0].get("status").asString()).as(String.valueOf(last[0])).isIn("done", "blocked", "cancelled");
        });
        return last[0];
    }
}

package dev.autodev.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import dev.autodev.testsupport.fakeopenai.ResponsesRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A debate as a user runs it against the packaged jar: Claude and Codex argue a question, the server is killed with
 * -9 in the middle of the round and started again, the debate carries on without starting either side twice, and
 * the side chosen to act on the conclusion changes the work dir. And a debate that acts in a worktree of its own, in
 * a repository elsewhere, ends in a pushed branch and a pull request while the checkout itself stays as it was.
 */
class DebateJourneyIT extends FreshServerJourney {

    /** Longer than the packaged server takes to start again on a busy machine, so the verdicts reach the new one. */
    private static final Duration THINKING = Duration.ofSeconds(45);

    @Test
    void aDebateOutlivesAKilledServerWithoutRunningASideTwiceAndActsOnItsConclusion() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("debate");
        String act = Journeys.marker("act");
        Path workDir = machine.elsewhere("debate-work");
        machine.codexModel.script(act, ResponseStep.shell("printf 'use a queue' > decision.txt"), ResponseStep.text("Wrote decision.txt."));
        machine.claudeModel.script(marker,
                Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", "agree", "position", "A queue.")).afterDelay(THINKING),
                Step.text("A queue."));
        machine.codexModel.script(marker,
                ResponseStep.toolSearch("submit a verdict").afterDelay(THINKING),
                ResponseStep.mcpTool("submit_verdict", Map.of("verdict", "agree", "position", "A queue, yes.")),
                ResponseStep.text("A queue, yes."));

        Api.Response created = server.api().post("/api/debates", Map.of("task", "Queue or lock? " + marker,
                "codexModel", "gpt-5.5", "maxRounds", 2, "workDir", workDir.toString(),
                "postActionPrompt", "Write the decision to decision.txt " + act, "postActionRole", "codex"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asString();
        // Both sides are mid-round: each CLI waits on its model.
        await().atMost(Duration.ofSeconds(120)).until(() -> firstClaudeCalls(marker) == 1 && firstCodexCalls(marker) == 1);

        server.kill9();
        server.restart();

        JsonNode debate = awaitFinished(server.api(), id);
        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        // Round 1 ends in agreement when the verdicts reach the restarted server; on a machine too slow for that, a
        // side is asked again, counts as disagreeing, and round 2 agrees. Either way each turn ran once.
        JsonNode rounds = debate.get("rounds");
        assertThat(rounds.size()).isBetween(1, 2);
        JsonNode last = rounds.get(rounds.size() - 1);
        assertThat(last.get("claude").get("position").asString()).isEqualTo("A queue.");
        assertThat(last.get("codex").get("position").asString()).isEqualTo("A queue, yes.");
        assertThat(debate.get("jobs").valueStream().filter(j -> j.get("round").asInt() == 1)
                .map(j -> j.get("stage").asString() + ":" + j.get("side").asString()))
                .containsExactlyInAnyOrder("turn:claude", "turn:codex");
        assertThat(debate.get("actions").valueStream().map(a -> a.get("stage").asString() + ":" + a.get("side").asString()))
                .containsExactly("post_action:codex");
        assertThat(firstClaudeCalls(marker)).as("Claude's turn was not started again").isEqualTo(1);
        assertThat(firstCodexCalls(marker)).as("Codex's turn was not started again").isEqualTo(1);
        assertThat(workDir.resolve("decision.txt")).hasContent("use a queue");

        Api.Response again = server.api().post("/api/debates/" + id + "/cancel", null);
        assertThat(again.status()).as("a finished debate cannot be cancelled").isEqualTo(409);
    }

    @Test
    void aDebateActingInAWorktreePushesItsBranchAndOpensAPullRequest() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("debate in a worktree");
        String act = Journeys.marker("act in the worktree");
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(machine.elsewhere("debate-repo"));
        // The post-action's prompt quotes the task too: its own script goes first, so it is the one that answers.
        machine.codexModel.script(act, ResponseStep.shell("printf 'retries: 2\\n' > retries.txt"), ResponseStep.text("Wrote retries.txt."));
        machine.claudeModel.script(marker,
                Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", "agree", "position", "Retry twice.")),
                Step.text("Retry twice."));
        machine.codexModel.script(marker,
                ResponseStep.toolSearch("submit a verdict"),
                ResponseStep.mcpTool("submit_verdict", Map.of("verdict", "agree", "position", "Twice.")),
                ResponseStep.text("Twice."));

        Api.Response created = server.api().post("/api/debates", Map.of("task", "How many retries? " + marker,
                "codexModel", "gpt-5.5", "maxRounds", 1, "workDir", repo.checkout().toString(), "useWorktree", true,
                "postActionPrompt", "Write the agreed number to retries.txt " + act, "postActionRole", "codex"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode debate = awaitFinished(server.api(), created.body().get("id").asString());

        assertThat(debate.get("status").asString()).as(debate.toString()).isEqualTo("consensus");
        assertThat(debate.get("prUrl").asString()).as(debate.toString()).isEqualTo(JourneyEnvironment.FAKE_PR_URL);
        String branch = debate.get("branch").asString();
        assertThat(GitRepos.git(repo.origin(), "show", branch + ":retries.txt")).isEqualTo("retries: 2\n");
        assertThat(machine.ghCallsSoFar()).contains("--head\n" + branch + "\n");
        assertThat(Path.of(debate.get("worktreePath").asString())).doesNotExist();
        assertThat(Files.exists(repo.checkout().resolve("retries.txt"))).as("the checkout itself is untouched").isFalse();
    }

    private long firstClaudeCalls(String marker) {
        return machine.claudeModel.requestsFor(marker).stream()
                .filter(r -> r.assistantMessageCount() == 0 && r.firstUserText().contains("Round 1 of"))
                .map(RecordedRequest::firstUserText).count();
    }

    private long firstCodexCalls(String marker) {
        return machine.codexModel.requestsFor(marker).stream()
                .filter(r -> r.priorOutputCount() == 0 && r.userText().contains("Round 1 of"))
                .map(ResponsesRequest::userText).count();
    }

    private static JsonNode awaitFinished(Api api, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = api.get("/api/debates/" + id).body();
            assertThat(last[0].get("status").asString()).isIn("consensus", "disagreement", "failed", "cancelled");
        });
        return last[0];
    }
}

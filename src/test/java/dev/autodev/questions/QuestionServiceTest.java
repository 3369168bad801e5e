package dev.autodev.questions;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Agents asking a person, on real runs: the run waits, the answer over REST wakes it, time-outs and run ends. */
class QuestionServiceTest extends AgentIntegrationTest {

    @Autowired
    QuestionService questions;
    @Autowired
    QuestionTools tools;

    private final List<String> jobs = new ArrayList<>();

    @AfterEach
    void cancelJobs() {
        jobs.forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }

    @Test
    void theAnswerGivenOverRestWakesTheAgentAndItsRunWorksAgain() throws Exception {
        AgentIdentity agent = runningAgent();
        CompletableFuture<AskOutcome> asking = askInBackground(agent, "Which database?", Duration.ofSeconds(60));

        JsonNode pending = awaitPendingQuestionOf(agent);
        assertThat(pending.get("question").asString()).isEqualTo("Which database?");
        assertThat(pending.get("jobId").asString()).isEqualTo(agent.jobId());
        assertThat(pending.has("createdAt")).isTrue();
        assertThat(runStatus(agent)).isEqualTo("waiting_user");
        assertThat(asking).isNotDone();

        var answered = api.post("/api/questions/" + pending.get("id").asString() + "/answer", Map.of("answer", "SQLite"));

        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(answered.body().get("status").asString()).isEqualTo("answered");
        assertThat(answered.body().get("answeredAt").isNull()).isFalse();
        assertThat(asking.get(30, TimeUnit.SECONDS)).isEqualTo(new AskOutcome(true, "SQLite", null));
        assertThat(runStatus(agent)).isEqualTo("running");
    }

    @Test
    void anUnansweredQuestionTimesOutAndTheAgentIsToldToDecide() throws Exception {
        AgentIdentity agent = runningAgent();
        McpToolCall askUser = args -> tools.tools().getFirst().handler().call(agent, JsonMapper.shared().valueToTree(args));

        Object result = askUser.call(Map.of("question", "Deploy now?", "timeout_ms", 300));

        JsonNode json = JsonMapper.shared().valueToTree(result);
        assertThat(json.get("answered").asBoolean()).isFalse();
        assertThat(json.get("reason").asString()).startsWith("no answer within 300 ms");
        assertThat(json.has("answer")).isFalse();
        assertThat(questions.list(QuestionStatus.TIMED_OUT)).anyMatch(q -> q.runId().equals(agent.runId()));
        assertThat(runStatus(agent)).isEqualTo("running");
    }

    @Test
    void aRunThatEndsCancelsItsPendingQuestionAndWakesTheAgent() throws Exception {
        AgentIdentity agent = runningAgent();
        CompletableFuture<AskOutcome> asking = askInBackground(agent, "Still there?", Duration.ofSeconds(60));
        String questionId = awaitPendingQuestionOf(agent).get("id").asString();

        api.post("/api/jobs/" + agent.jobId() + "/cancel", null);

        AskOutcome outcome = asking.get(10, TimeUnit.SECONDS);
        assertThat(outcome.answered()).isFalse();
        assertThat(outcome.reason()).contains("cancelled");
        assertThat(questions.get(questionId).status()).isEqualTo(QuestionStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(10)).until(() -> runStatus(agent).equals("cancelled"));
        assertThatThrownBy(() -> questions.ask(agent, "Hello?", Duration.ofSeconds(1)))
                .isInstanceOf(Conflict.class).hasMessageContaining("only a running agent can ask");
    }

    @Test
    void aRunWithTwoOpenQuestionsWaitsUntilTheLastIsAnswered() throws Exception {
        AgentIdentity agent = runningAgent();
        CompletableFuture<AskOutcome> first = askInBackground(agent, "First?", Duration.ofSeconds(60));
        CompletableFuture<AskOutcome> second = askInBackground(agent, "Second?", Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOf(agent).size() == 2);

        for (Question q : pendingOf(agent)) {
            assertThat(runStatus(agent)).isEqualTo("waiting_user");
            questions.answer(q.id(), "yes to " + q.question());
        }

        assertThat(first.get(5, TimeUnit.SECONDS).answer()).isEqualTo("yes to First?");
        assertThat(second.get(5, TimeUnit.SECONDS).answer()).isEqualTo("yes to Second?");
        assertThat(runStatus(agent)).isEqualTo("running");
    }

    private AgentIdentity runningAgent() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("still thinking").afterDelay(Duration.ofSeconds(30)));
        String jobId = createJob(aJob("Ask the user " + marker)).get("id").asString();
        jobs.add(jobId);
        JsonNode run = awaitRun(jobId, "running");
        return new AgentIdentity(run.get("id").asString(), jobId, run.get("model").asString(), Path.of("."));
    }

    private CompletableFuture<AskOutcome> askInBackground(AgentIdentity agent, String question, Duration timeout) {
        // A thread each: the common pool may have a single thread on a small machine.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return questions.ask(agent, question, timeout);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Thread::startVirtualThread);
    }

    private JsonNode awaitPendingQuestionOf(AgentIdentity agent) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            var response = api.get("/api/questions?status=pending");
            assertThat(response.status()).isEqualTo(200);
            found[0] = response.body().valueStream()
                    .filter(q -> q.get("runId").asString().equals(agent.runId())).findFirst().orElse(null);
            assertThat(found[0]).isNotNull();
        });
        return found[0];
    }

    private List<Question> pendingOf(AgentIdentity agent) {
        return questions.list(QuestionStatus.PENDING).stream().filter(q -> q.runId().equals(agent.runId())).toList();
    }

    private String runStatus(AgentIdentity agent) {
        return api.get("/api/agents/" + agent.runId()).body().get("status").asString();
    }

    @FunctionalInterface
    private interface McpToolCall {
        Object call(Map<String, Object> args) throws Exception;
    }
}

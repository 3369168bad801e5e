package dev.autodev.web;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.questions.AskOutcome;
import dev.autodev.questions.QuestionService;
import dev.autodev.questions.QuestionStatus;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class QuestionsControllerTest extends AgentIntegrationTest {

    @Autowired
    QuestionService questions;

    @Test
    void answeringAnUnknownQuestionIs404() {
        var response = api.post("/api/questions/nope/answer", Map.of("answer", "yes"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("message").asString()).isEqualTo("no question with id nope");
    }

    @Test
    void aBadStatusFilterIs400() {
        var response = api.get("/api/questions?status=open");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("status");
        assertThat(response.body().get("message").asString()).contains("pending, answered, timed_out, cancelled");
    }

    @Test
    void aBlankAnswerIs400AndALateAnswerIs409() throws InterruptedException {
        String marker = newMarker();
        MODEL.script(marker, Step.text("still thinking").afterDelay(Duration.ofSeconds(30)));
        String jobId = createJob(aJob("Ask late " + marker)).get("id").asString();
        try {
            JsonNode run = awaitRun(jobId, "running");
            var agent = new AgentIdentity(run.get("id").asString(), jobId, run.get("model").asString(), Path.of("."));
            AskOutcome outcome = questions.ask(agent, "Anyone?", Duration.ofMillis(50));
            String id = questions.list(QuestionStatus.TIMED_OUT).stream()
                    .filter(q -> q.runId().equals(agent.runId())).findFirst().orElseThrow().id();

            var blank = api.post("/api/questions/" + id + "/answer", Map.of("answer", "  "));
            var noBody = api.post("/api/questions/" + id + "/answer", null);
            var late = api.post("/api/questions/" + id + "/answer", Map.of("answer", "here now"));

            assertThat(outcome.answered()).isFalse();
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.body().get("field").asString()).isEqualTo("answer");
            assertThat(noBody.status()).isEqualTo(400);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body().get("message").asString()).contains("is timed_out");
            assertThat(api.get("/api/questions/" + id).body().get("answer").isNull()).isTrue();
        } finally {
            api.post("/api/jobs/" + jobId + "/cancel", null);
        }
    }
}

package dev.autodev.classify;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Jobs created without a model get one from the small model's rating; the real CLI asks the scripted model. */
class ModelClassificationEndToEndTest extends AgentIntegrationTest {

    @BeforeEach
    void turnClassificationOn() {
        assertThat(api.put("/api/classification/settings", Map.of("enabled", true)).status()).isEqualTo(200);
    }

    @AfterEach
    void turnClassificationOff() {
        api.put("/api/classification/settings", Map.of("enabled", false));
    }

    @Test
    void aTaskTheClassifierRatesComplexRunsOnOpus() {
        String marker = newMarker();
        MODEL.answerQuestions(marker, Step.text("**Complex** - it redesigns the scheduler across many modules."));
        MODEL.script(marker, Step.text("done"));

        String id = createJob(aJob("Redesign the scheduler " + marker)).get("id").asString();
        JsonNode job = awaitJob(id, "done", "failed");

        assertThat(job.get("model").asString()).isEqualTo("claude-opus-4-6");
        assertThat(job.get("modelChoice").get("source").asString()).isEqualTo("classified");
        assertThat(job.get("modelChoice").get("rating").asString()).isEqualTo("complex");
        assertThat(job.get("modelChoice").get("reason").asString()).contains("redesigns the scheduler");
        assertThat(MODEL.requestsFor(marker).getFirst().model()).isEqualTo("claude-opus-4-6");
        assertThat(MODEL.questionsFor(marker).getFirst().model()).isEqualTo("claude-haiku-4-5");
        JsonNode system = api.get("/api/usage").body().get("system");
        assertThat(system.get("calls").asLong()).isPositive();
    }

    @Test
    void whenTheClassifierFailsTheJobKeepsTheDefaultModelAndSaysWhy() {
        String marker = newMarker();
        MODEL.answerQuestions(marker, Step.error(500, "api_error", "classifier unavailable"));
        MODEL.script(marker, Step.text("done"));

        String id = createJob(aJob("Rename a variable " + marker)).get("id").asString();
        JsonNode job = awaitJob(id, "done", "failed");

        assertThat(job.get("model").asString()).isEqualTo("claude-sonnet-4-6");
        assertThat(job.get("modelChoice").get("source").asString()).isEqualTo("default");
        assertThat(job.get("modelChoice").get("reason").asString()).contains("classifier failed");
    }

    @Test
    void anExplicitModelAlwaysWins() {
        String marker = newMarker();
        MODEL.answerQuestions(marker, Step.text("complex"));
        MODEL.script(marker, Step.text("done"));

        String id = createJob(aJob("Redesign everything " + marker).with("model", "claude-haiku-4-5")).get("id").asString();
        JsonNode job = awaitJob(id, "done", "failed");

        assertThat(job.get("model").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(job.get("modelChoice").get("source").asString()).isEqualTo("explicit");
        assertThat(MODEL.questionsFor(marker)).isEmpty();
    }
}

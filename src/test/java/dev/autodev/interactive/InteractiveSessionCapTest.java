package dev.autodev.interactive;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A server allowing one interactive session: a second interactive job waits in the queue saying why, and starts (its
 * reason gone) when the first session ends.
 */
class InteractiveSessionCapTest extends AgentIntegrationTest {

    @DynamicPropertySource
    static void oneSession(DynamicPropertyRegistry registry) {
        overrideServerProperty(registry, "autodev.interactive.max-sessions", () -> "1");
        overrideServerProperty(registry, "autodev.storage.db-path", () -> ROOT.resolve("session-cap-test.db").toString());
        // A tmux server of its own: the shared server's reaper would kill sessions its database does not know.
        overrideServerProperty(registry, "autodev.interactive.socket", () -> ROOT.resolve("tmux-cap.sock").toString());
    }

    @Test
    void aQueuedInteractiveJobSaysItWaitsForASessionAndStartsWhenOneEnds() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("First session IOTA-1"), Step.text("Second session IOTA-2"));
        String first = createJob(aJob("Hold the only session " + marker).with("interactive", true)).get("id").asString();
        String firstRun = awaitRun(first, "idle").get("id").asString();

        String second = createJob(aJob("Wait for it " + marker).with("interactive", true)).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode waiting = job(second);
            assertThat(waiting.get("status").asString()).isEqualTo("queued");
            assertThat(waiting.get("queueReason").asString(""))
                    .contains("waiting for an interactive session").contains("all 1 are in use")
                    .contains("autodev.interactive.max-sessions");
        });
        assertThat(job(second).get("runs").size()).isZero();
        assertThat(job(first).get("queueReason").isNull()).as("a running job waits for nothing").isTrue();

        assertThat(api.post("/api/agents/" + firstRun + "/cancel", null).status()).isEqualTo(200);

        awaitRun(second, "idle");
        JsonNode started = job(second);
        assertThat(started.get("status").asString()).isEqualTo("running");
        assertThat(started.get("queueReason").isNull()).as("cleared when it starts").isTrue();
    }
}

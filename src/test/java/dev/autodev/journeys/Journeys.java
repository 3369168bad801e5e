package dev.autodev.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What several journeys ask of a running server, as a user would over REST. */
final class Journeys {

    private Journeys() {
    }

    /** A text no other journey's jobs contain, so the scripted models answer this journey alone. */
    static String marker(String journey) {
        return "[" + journey + " " + UUID.randomUUID() + "]";
    }

    /** Waits until the job has ended (done, failed or cancelled) and returns it with its runs. */
    static JsonNode awaitJob(Api api, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = api.get("/api/jobs/" + id).body();
            assertThat(last[0].get("status").asString()).isIn("done", "failed", "cancelled");
        });
        return last[0];
    }

    static JsonNode lastRun(JsonNode job) {
        JsonNode runs = job.get("runs");
        return runs.get(runs.size() - 1);
    }
}

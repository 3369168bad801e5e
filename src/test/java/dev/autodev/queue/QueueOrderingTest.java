package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The queue's rules, watched through the runs the real CLI produced: priority, dependencies, cap, schedules. */
class QueueOrderingTest extends AgentIntegrationTest {

    @Autowired
    Dispatcher dispatcher;

    @Test
    void aStoppedDispatcherStartsAgainAndStillWakesForScheduledJobs() {
        String later = Instant.now().plusSeconds(3600).toString();
        String id = createJob(aJob("an hour from now " + newMarker()).with("scheduledAt", later)).get("id").asString();

        // Spring's tests pause an idle context and start it again; a dispatcher must survive that.
        dispatcher.stop();
        dispatcher.start();

        // A pass plans its wake-up for the scheduled job; a timer left shut down by stop() would refuse it.
        assertThatCode(dispatcher::dispatchOnce).doesNotThrowAnyException();
        assertThat(dispatcher.isRunning()).isTrue();
        api.post("/api/jobs/" + id + "/cancel", null);
    }

    @Test
    void higherPriorityJobsStartFirst() {
        api.put("/api/settings", Map.of("maxConcurrentAgents", 1));
        String blocker = newMarker();
        MODEL.script(blocker, Step.text("unblocked").afterDelay(Duration.ofMillis(1500)));
        String blockerId = createJob(aJob("Hold the only slot " + blocker)).get("id").asString();
        awaitRun(blockerId, "running");

        String low = createJob(aJob("low " + newMarker()).withPriority(-5)).get("id").asString();
        String mid = createJob(aJob("mid " + newMarker()).withPriority(0)).get("id").asString();
        String high = createJob(aJob("high " + newMarker()).withPriority(7)).get("id").asString();
        List<Instant> starts = new ArrayList<>();
        for (String id : List.of(high, mid, low)) {
            JsonNode job = awaitJob(id, "done");
            starts.add(Instant.parse(job.get("runs").get(0).get("processStartedAt").asString()));
        }

        assertThat(starts).isSorted();
    }

    @Test
    void jobWaitsForItsDependencies() {
        String first = newMarker();
        MODEL.script(first, Step.text("first done").afterDelay(Duration.ofMillis(800)));
        String a = createJob(aJob("first " + first)).get("id").asString();
        String b = createJob(aJob("second " + newMarker()).dependingOn(a)).get("id").asString();

        JsonNode jobB = awaitJob(b, "done");
        JsonNode jobA = job(a);

        Instant aFinished = Instant.parse(jobA.get("runs").get(0).get("finishedAt").asString());
        Instant bStarted = Instant.parse(jobB.get("runs").get(0).get("processStartedAt").asString());
        assertThat(bStarted).isAfterOrEqualTo(aFinished);
        assertThat(jobB.get("dependsOn").get(0).asString()).isEqualTo(a);
    }

    @Test
    void failedDependencyFailsItsDependantsWithTheReason() {
        String failing = newMarker();
        MODEL.script(failing, Step.error(500, "api_error", "boom").afterDelay(Duration.ofMillis(300)));
        String a = createJob(aJob("will fail " + failing)).get("id").asString();
        String b = createJob(aJob("needs a " + newMarker()).dependingOn(a)).get("id").asString();
        String c = createJob(aJob("needs b " + newMarker()).dependingOn(b)).get("id").asString();

        JsonNode jobC = awaitJob(c, "failed");
        JsonNode jobB = job(b);

        assertThat(jobB.get("status").asString()).isEqualTo("failed");
        assertThat(jobB.get("statusReason").asString()).isEqualTo("dependency " + a + " failed");
        assertThat(jobC.get("statusReason").asString()).isEqualTo("dependency " + b + " failed");
        assertThat(jobB.get("runs").size()).isZero();
        assertThat(jobC.get("runs").size()).isZero();
    }

    @Test
    void cancelledDependencyFailsItsDependants() {
        String later = Instant.now().plusSeconds(3600).toString();
        String a = createJob(aJob("far in the future " + newMarker()).with("scheduledAt", later)).get("id").asString();
        String b = createJob(aJob("needs a " + newMarker()).dependingOn(a)).get("id").asString();

        assertThat(api.post("/api/jobs/" + a + "/cancel", null).status()).isEqualTo(200);

        assertThat(awaitJob(b, "failed").get("statusReason").asString()).isEqualTo("dependency " + a + " cancelled");
    }

    @Test
    void concurrencyCapHoldsWithMoreJobsThanSlots() {
        api.put("/api/settings", Map.of("maxConcurrentAgents", 2));
        String marker = newMarker();
        MODEL.script(marker, Step.text("slow work").afterDelay(Duration.ofMillis(700)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(createJob(aJob("capped " + i + " " + marker)).get("id").asString());

        List<Instant[]> spans = new ArrayList<>();
        for (String id : ids) {
            JsonNode run = awaitJob(id, "done").get("runs").get(0);
            spans.add(new Instant[] {Instant.parse(run.get("startedAt").asString()),
                    Instant.parse(run.get("finishedAt").asString())});
        }

        assertThat(maxOverlap(spans)).isEqualTo(2);
    }

    @Test
    void scheduledJobStaysQueuedUntilItsTime() {
        Instant at = Instant.now().plusMillis(4000);
        String id = createJob(aJob("later " + newMarker()).with("scheduledAt", at.toString())).get("id").asString();

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofMillis(2000))
                .until(() -> job(id).get("status").asString().equals("queued"));
        JsonNode job = awaitJob(id, "done");

        assertThat(Instant.parse(job.get("runs").get(0).get("processStartedAt").asString())).isAfterOrEqualTo(at.minusMillis(1));
    }

    @Test
    void repeatingJobIsQueuedAgainAfterEachSuccess() {
        String id = createJob(aJob("every second " + newMarker()).with("repeatIntervalSeconds", 1)).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).get("runs").valueStream()
                .filter(r -> r.get("status").asString().equals("done")).count() >= 2);
        JsonNode between = awaitJob(id, "queued");
        assertThat(between.get("scheduledAt").isNull()).isFalse();

        api.post("/api/jobs/" + id + "/cancel", null);
        assertThat(awaitJob(id, "cancelled").get("status").asString()).isEqualTo("cancelled");
    }

    /** The most runs that were active at the same moment. */
    private static int maxOverlap(List<Instant[]> spans) {
        List<Instant[]> sorted = spans.stream().sorted(Comparator.comparing(s -> s[0])).toList();
        int best = 0;
        for (Instant[] span : sorted) {
            int active = (int) sorted.stream().filter(o -> !o[0].isAfter(span[0]) && o[1].isAfter(span[0])).count();
            best = Math.max(best, active);
        }
        return best;
    }
}

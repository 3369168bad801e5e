package dev.autodev.queue;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.common.Ids;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Flag, archive, edit and run-now on jobs the real Claude CLI runs. */
class OrganiseJobsEndToEndTest extends AgentIntegrationTest {

    private static final String LATER = "2999-01-01T00:00:00Z";

    @Test
    void archivingHidesAJobFromTheSnapshotAndTheArchiveViewShowsIt() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("finished"));
        String id = createJob(aJob("Archive me " + marker)).get("id").asString();
        awaitJob(id, "done", "failed");
        assertThat(snapshotJobIds()).contains(id);

        Api.Response archived = api.post("/api/jobs/" + id + "/archive", null);
        assertThat(archived.status()).as(archived.text()).isEqualTo(200);
        assertThat(archived.body().hasNonNull("archivedAt")).isTrue();
        assertThat(snapshotJobIds()).doesNotContain(id);
        JsonNode archive = api.get("/api/jobs?archived=true&q=" + encoded(marker)).body();
        assertThat(archive.get("items").valueStream().map(j -> j.get("id").asString())).containsExactly(id);
        assertThat(archive.get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/jobs?archived=false&q=" + encoded(marker)).body().get("total").asLong()).isZero();
        assertThat(api.post("/api/jobs/" + id + "/archive", null).status()).isEqualTo(409);

        Api.Response back = api.post("/api/jobs/" + id + "/unarchive", null);
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(snapshotJobIds()).contains(id);
        assertThat(api.post("/api/jobs/" + id + "/unarchive", null).status()).isEqualTo(409);
    }

    @Test
    void theFlagTogglesAndFiltersTheList() {
        String id = createJob(aJob("Flag me " + newMarker()).with("scheduledAt", LATER)).get("id").asString();
        assertThat(api.post("/api/jobs/" + id + "/flag", null).body().get("flagged").asBoolean()).isTrue();
        assertThat(api.get("/api/jobs?flagged=true&size=500").body().get("items").valueStream()
                .map(j -> j.get("id").asString())).contains(id);
        assertThat(api.post("/api/jobs/" + id + "/flag", null).body().get("flagged").asBoolean()).isFalse();
        assertThat(api.get("/api/jobs?flagged=true&size=500").body().get("items").valueStream()
                .map(j -> j.get("id").asString())).doesNotContain(id);
        assertThat(api.post("/api/jobs/" + Ids.newId() + "/flag", null).status()).isEqualTo(404);
    }

    @Test
    void archivingAJobThatIsRunningOrQueuedIsRefused() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("slow").afterDelay(Duration.ofSeconds(30)));
        String running = createJob(aJob("Busy " + marker)).get("id").asString();
        awaitRun(running, "running");
        Api.Response refused = api.post("/api/jobs/" + running + "/archive", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("message").asString()).contains("running");
        String queued = createJob(aJob("Later " + newMarker()).with("scheduledAt", LATER)).get("id").asString();
        assertThat(api.post("/api/jobs/" + queued + "/archive", null).status()).isEqualTo(409);
        assertThat(api.post("/api/jobs/" + Ids.newId() + "/archive", null).status()).isEqualTo(404);
        assertThat(job(running).hasNonNull("archivedAt")).isFalse();
    }

    @Test
    void aQueuedJobsTitleAndDescriptionCanBeEditedUntilItStarts() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("edited task done"));
        String id = createJob(aJob("Draft").with("scheduledAt", LATER)).get("id").asString();

        Api.Response edited = api.patch("/api/jobs/" + id, Map.of("title", "Final title", "description", "Final task " + marker));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.body().get("title").asString()).isEqualTo("Final title");
        assertThat(edited.body().get("description").asString()).isEqualTo("Final task " + marker);
        assertRefused(api.patch("/api/jobs/" + id, Map.of("description", " ")), 400, "description");
        assertRefused(api.patch("/api/jobs/" + id, Map.of("title", "t".repeat(201))), 400, "title");
        assertRefused(api.patch("/api/jobs/" + id, Map.of("status", "done")), 400, "status");
        assertThat(api.patch("/api/jobs/" + Ids.newId(), Map.of("title", "x")).status()).isEqualTo(404);

        // Run now: the scheduled job starts at once, and the model sees the edited description.
        Api.Response started = api.post("/api/jobs/" + id + "/run-now", null);
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(awaitJob(id, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(marker)).isNotEmpty();

        Api.Response late = api.patch("/api/jobs/" + id, Map.of("title", "Too late"));
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(api.post("/api/jobs/" + id + "/run-now", null).status()).isEqualTo(409);
        assertThat(api.post("/api/jobs/" + Ids.newId() + "/run-now", null).status()).isEqualTo(404);
    }

    @Test
    void runNowGoesAheadOfHigherPriorityJobsButNotOfDependencies() {
        String blocker = createJob(aJob("Blocker " + newMarker()).with("scheduledAt", LATER)).get("id").asString();
        String dependant = createJob(aJob("Dependant " + newMarker()).dependingOn(blocker)).get("id").asString();
        Api.Response refused = api.post("/api/jobs/" + dependant + "/run-now", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("message").asString()).contains(blocker);

        // With no free slot, a queued job waits; run-now starts it anyway.
        assertThat(api.put("/api/settings", Map.of("maxConcurrentAgents", 1)).status()).isEqualTo(200);
        String holder = newMarker();
        MODEL.script(holder, Step.text("holding").afterDelay(Duration.ofSeconds(20)));
        String slotHolder = createJob(aJob("Hold the slot " + holder)).get("id").asString();
        awaitRun(slotHolder, "running");
        String waiting = newMarker();
        MODEL.script(waiting, Step.text("ran now"));
        String waitingJob = createJob(aJob("Waiting " + waiting)).get("id").asString();
        assertThat(job(waitingJob).get("status").asString()).isEqualTo("queued");
        assertThat(api.post("/api/jobs/" + waitingJob + "/run-now", null).status()).isEqualTo(200);
        assertThat(awaitJob(waitingJob, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(job(slotHolder).get("status").asString()).isEqualTo("running");
        List.of(slotHolder, blocker).forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }

    private List<String> snapshotJobIds() {
        return api.get("/api/live/snapshot").body().get("jobs").valueStream().map(j -> j.get("id").asString()).toList();
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("field").asString()).as(response.text()).isEqualTo(field);
    }
}

package dev.autodev.web;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static dev.autodev.testsupport.PrometheusText.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search, timeline, graph, usage and metrics over what real Claude Code runs did. */
class FleetViewsEndToEndTest extends AgentIntegrationTest {

    @Test
    void searchFindsWhatRunsSaidRankedWithSnippetsAndFilters() {
        String word = word();
        String dense = newMarker();
        String sparse = newMarker();
        MODEL.script(dense,
                Step.toolUse("Bash", Map.of("command", "grep -c " + word + " /dev/null || true", "description", "look")),
                Step.text("The " + word + " is broken: " + word + " fails, fix the " + word + "."));
        MODEL.script(sparse, Step.text("A long answer about queues, locks, notes, retries, worktrees and many other"
                + " things, naming " + word + " once among them all."));
        String denseJob = awaitDone(createJob(aJob("Find it " + dense)));
        String sparseJob = awaitDone(createJob(aJob("Mention it " + sparse)));

        JsonNode results = search("q=" + word);
        JsonNode hits = results.get("hits");
        assertThat(hits.size()).isGreaterThanOrEqualTo(3);
        JsonNode best = hits.get(0);
        assertThat(best.get("jobId").asString()).isEqualTo(denseJob);
        // The final result repeats the last text, so either may come first.
        assertThat(best.get("type").asString()).isIn("assistant_text", "result");
        assertThat(best.get("jobTitle").asString()).startsWith("Find it");
        assertThat(best.get("snippet").asString()).contains("<mark>" + word + "</mark>");
        // The hit points at the very event in the run's output.
        JsonNode output = api.get("/api/agents/" + best.get("runId").asString() + "/output?after="
                + (best.get("seq").asLong() - 1) + "&limit=1").body();
        assertThat(output.get("events").get(0).get("text").asString()).contains(word);

        assertThat(search("q=" + word + "&jobId=" + sparseJob).get("hits").valueStream()
                .map(h -> h.get("jobId").asString()).distinct().toList()).containsExactly(sparseJob);
        JsonNode toolCalls = search("q=" + word + "&type=tool_use").get("hits");
        assertThat(toolCalls.size()).isEqualTo(1);
        assertThat(toolCalls.get(0).get("jobId").asString()).isEqualTo(denseJob);
        assertThat(search("q=" + enc("\"naming " + word + " once\"")).get("hits").get(0).get("jobId").asString())
                .isEqualTo(sparseJob);
        assertThat(search("q=" + word.substring(0, 12) + "*").get("hits").size()).isEqualTo(hits.size());
        assertThat(search("q=" + word + "&to=" + Instant.now().minusSeconds(3600)).get("hits").size()).isZero();
    }

    @Test
    void aQuerySearchCannotParseIsRefusedWithAClearMessage() {
        Api.Response response = api.get("/api/search?q=" + enc("\"unbalanced quote"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("q");
        assertThat(response.body().get("message").asString()).contains("FTS5");
        assertThat(api.get("/api/search?q=").status()).isEqualTo(400);
        assertThat(api.get("/api/search?q=x&type=bogus").body().get("field").asString()).isEqualTo("type");
        assertThat(api.get("/api/search?q=x&from=yesterday").body().get("field").asString()).isEqualTo("from");
    }

    @Test
    void timelineAndGraphShowTheJobsThatRanAndHowTheyAreLinked() {
        Instant before = Instant.now().minusSeconds(1);
        String first = newMarker();
        String second = newMarker();
        MODEL.script(first, Step.text("first done"));
        MODEL.script(second, Step.text("second done"));
        Api.Response project = api.post("/api/projects", Map.of("name", "Fleet " + UUID.randomUUID()));
        assertThat(project.status()).as(project.text()).isEqualTo(201);
        String projectId = project.body().get("id").asString();
        String a = createJob(aJob("First " + first)).get("id").asString();
        String b = createJob(aJob("Second " + second).dependingOn(a).with("projectId", projectId)).get("id").asString();
        awaitJob(b, "done");

        JsonNode timeline = api.get("/api/timeline?from=" + before + "&to=" + Instant.now().plusSeconds(1)).body();
        List<String> rows = timeline.get("rows").valueStream().map(r -> r.get("jobId").asString()).toList();
        assertThat(rows).containsSubsequence(a, b);
        JsonNode bar = timeline.get("rows").valueStream().filter(r -> r.get("jobId").asString().equals(b))
                .findFirst().orElseThrow().get("runs").get(0);
        assertThat(bar.get("outcome").asString()).isEqualTo("done");
        assertThat(Instant.parse(bar.get("startedAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(bar.get("finishedAt").asString()));
        // The default window is the last 24 hours, which holds these runs too.
        assertThat(api.get("/api/timeline").body().get("rows").valueStream().map(r -> r.get("jobId").asString()))
                .contains(a, b);

        JsonNode graph = api.get("/api/graph?since=" + before).body();
        assertThat(graph.get("nodes").valueStream().map(n -> n.get("id").asString())).contains(a, b);
        assertThat(graph.get("edges").valueStream().filter(e -> e.get("target").asString().equals(b)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("source").asString()).isEqualTo(a);
                    assertThat(e.get("kind").asString()).isEqualTo("dependsOn");
                });
        // Only b is in the project, so its link to a (outside it) is left out.
        JsonNode inProject = api.get("/api/graph?since=" + before + "&projectId=" + projectId).body();
        assertThat(inProject.get("nodes").valueStream().map(n -> n.get("id").asString())).containsExactly(b);
        assertThat(inProject.get("edges").size()).isZero();
    }

    @Test
    void usageAndPrometheusCountAKnownWorkload() {
        String before = metrics();
        Instant start = Instant.now().minusSeconds(1);
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("m.txt"), "reason", "count")),
                Step.text("Counted.").withUsage(1234, 56));
        awaitDone(createJob(aJob("Count me " + marker).inDir(newWorkDir().toString())));

        String after = metrics();
        Map<String, String> done = Map.of("agent", "claude", "outcome", "done", "failure_kind", "none");
        assertThat(sum(after, "autodev_runs_duration_seconds_count", done)
                - sum(before, "autodev_runs_duration_seconds_count", done)).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "autodev_tokens_total", Map.of("agent", "claude", "direction", "output"))
                - sum(before, "autodev_tokens_total", Map.of("agent", "claude", "direction", "output")))
                .isGreaterThanOrEqualTo(56);
        assertThat(sum(after, "autodev_cost_usd_total", Map.of("agent", "claude")))
                .isGreaterThan(sum(before, "autodev_cost_usd_total", Map.of("agent", "claude")));
        Map<String, String> lockCall = Map.of("tool", "lock_files", "outcome", "ok");
        assertThat(sum(after, "autodev_mcp_calls_seconds_count", lockCall)
                - sum(before, "autodev_mcp_calls_seconds_count", lockCall)).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "autodev_locks_wait_seconds_count", Map.of("outcome", "acquired")))
                .isGreaterThan(sum(before, "autodev_locks_wait_seconds_count", Map.of("outcome", "acquired")));
        assertThat(sum(after, "autodev_dispatch_latency_seconds_count"))
                .isGreaterThan(sum(before, "autodev_dispatch_latency_seconds_count"));
        assertThat(after).contains("autodev_queue_depth{", "state=\"queued\"", "autodev_runs_active{");
        System.gc(); // the gauges must survive one: a weakly held gauge would read NaN from here on
        String later = metrics();
        assertThat(sum(later, "autodev_queue_depth", Map.of("state", "done"))).isGreaterThanOrEqualTo(1);
        assertThat(sum(later, "autodev_runs_active")).isGreaterThanOrEqualTo(0);

        JsonNode usage = api.get("/api/usage?from=" + start).body();
        assertThat(usage.get("byAgent").valueStream().filter(l -> l.get("agent").asString().equals("claude"))
                .findFirst().orElseThrow().get("outputTokens").asLong()).isGreaterThanOrEqualTo(56);
        assertThat(usage.get("byDay").size()).isPositive();
        assertThat(usage.get("byProject").isArray()).isTrue();
        assertThat(usage.get("byTemplate").isArray()).isTrue();
        // The shared server's triage and classification may have asked the small model meanwhile; only the shape is fixed.
        assertThat(usage.get("system").get("costUsd").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(usage.get("system").get("calls").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void onlyHealthAndPrometheusAreServedUnderActuator() {
        assertThat(api.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers")) {
            assertThat(api.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    private String awaitDone(JsonNode created) {
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        return job.get("id").asString();
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("/api/search?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private String metrics() {
        Api.Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** A word no other test's output holds. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.autodev.journeys;

import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.testsupport.PrometheusText.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A person looks over the fleet of the packaged server: searches what agents said, reads the timeline, graph and
 * usage, scrapes the metrics; and after the server is killed with -9 mid-run, search still finds every stored event.
 */
class FleetJourneyIT extends FreshServerJourney {

    @Test
    void aPersonSearchesReadsTheFleetViewsAndScrapesExactMetrics() {
        server = machine.startServer();
        Api api = server.api();
        String marker = Journeys.marker("fleet");
        machine.claudeModel.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("notes.txt"), "reason", "journey")),
                Step.text("The flamingo migration is finished.").withUsage(1000, 40));
        Path repo = repository("fleet-repo");
        String first = created(api, Map.of("description", "Migrate the flamingos " + marker, "workDir", repo.toString()));
        String second = created(api, Map.of("description", "Check the flamingos " + marker, "workDir", repo.toString(),
                "dependsOn", List.of(first)));
        JsonNode done = Journeys.awaitJob(api, second);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");

        JsonNode found = api.get("/api/search?q=flamingo").body();
        JsonNode hits = found.get("hits");
        assertThat(hits.size()).isPositive();
        // With the defaults, the newest 2,000 matches are ranked; a handful is far from capped.
        assertThat(found.get("rankWindow").asInt()).isEqualTo(2_000);
        assertThat(found.get("capped").asBoolean()).isFalse();
        // Nothing waits for a person yet: the snapshot's list of blocked workflows is there, and empty.
        assertThat(api.get("/api/live/snapshot").body().get("waitingWorkflows").size()).isZero();
        assertThat(hits.get(0).get("snippet").asString()).contains("<mark>flamingo</mark>");
        assertThat(api.get("/api/search?q=" + enc("flamingo AND")).status()).isEqualTo(400);

        assertThat(api.get("/api/timeline").body().get("rows").valueStream().map(r -> r.get("jobId").asString()))
                .containsExactly(first, second);
        JsonNode edge = api.get("/api/graph").body().get("edges").get(0);
        assertThat(List.of(edge.get("source").asString(), edge.get("target").asString(), edge.get("kind").asString()))
                .containsExactly(first, second, "dependsOn");
        JsonNode usage = api.get("/api/usage").body();
        assertThat(usage.get("byAgent").get(0).get("runs").asLong()).isEqualTo(2);
        assertThat(usage.get("byAgent").get(0).get("outputTokens").asLong()).isGreaterThanOrEqualTo(2 * 40);

        // A fresh server has counted exactly this workload: two runs done, their lock_files calls, their tokens.
        // The calls counted are those the agents' CLIs got a lock back for (what the model then read).
        long locked = machine.claudeModel.requestsFor(marker).stream()
                .filter(r -> r.isMainConversation() && r.hasToolResult() && r.lastToolResultText().contains("\"acquired\""))
                .count();
        assertThat(locked).as("at least one agent reached the MCP endpoint").isPositive();
        String metrics = api.get("/actuator/prometheus").text();
        assertThat(sum(metrics, "autodev_runs_duration_seconds_count", Map.of("outcome", "done"))).isEqualTo(2);
        assertThat(sum(metrics, "autodev_runs_duration_seconds_count", Map.of("outcome", "failed"))).isZero();
        assertThat(sum(metrics, "autodev_dispatch_latency_seconds_count")).isEqualTo(2);
        assertThat(sum(metrics, "autodev_mcp_calls_seconds_count", Map.of("tool", "lock_files", "outcome", "ok"))).isEqualTo(locked);
        assertThat(sum(metrics, "autodev_locks_wait_seconds_count", Map.of("outcome", "acquired"))).isEqualTo(locked);
        assertThat(sum(metrics, "autodev_tokens_total", Map.of("agent", "claude", "direction", "input")))
                .isEqualTo(usage.get("byAgent").get(0).get("inputTokens").asDouble());
        assertThat(sum(metrics, "autodev_cost_usd_total", Map.of("agent", "claude")))
                .isCloseTo(usage.get("byAgent").get(0).get("costUsd").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sum(metrics, "autodev_queue_depth", Map.of("state", "done"))).isEqualTo(2);
        assertThat(sum(metrics, "autodev_runs_active", Map.of("agent", "claude"))).isZero();

        // The same rules as the API: a page that rebinds its own name to this machine gets nothing.
        RawHttp.Reply foreign = RawHttp.send(server.port(), "GET", "/actuator/prometheus",
                Map.of("Host", "evil.example:" + server.port()), null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("autodev_");
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void afterAKill9MidRunSearchFindsEveryStoredEvent() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("fleet-crash");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            steps.add(Step.toolUse("Bash", Map.of("command", "echo step" + i + "heron", "description", "step " + i))
                    .afterDelay(Duration.ofMillis(400)));
        }
        steps.add(Step.text("All herons counted.").afterDelay(Duration.ofMillis(400)));
        machine.claudeModel.script(marker, steps.toArray(Step[]::new));
        Api.Response created = server.api().post("/api/jobs", Map.of("description", "Count herons " + marker,
                "workDir", repository("crash-repo").toString()));
        String jobId = created.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> machine.claudeModel.requestsFor(marker).size() >= 3);

        server.kill9();
        server.restart();
        String runId = Journeys.lastRun(server.api().get("/api/jobs/" + jobId).body()).get("id").asString();
        everyStoredEventIsFound(server.api(), jobId, runId);

        JsonNode job = Journeys.awaitJob(server.api(), jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        everyStoredEventIsFound(server.api(), jobId, runId);
    }

    /** Each event with words in it is found by a phrase of its own first words, within its job. */
    private static void everyStoredEventIsFound(Api api, String jobId, String runId) {
        JsonNode events = api.get("/api/agents/" + runId + "/output?limit=500").body().get("events");
        int checked = 0;
        for (JsonNode event : events) {
            String phrase = firstWords(event.get("text").asString(""));
            if (phrase.isEmpty()) continue;
            Api.Response found = api.get("/api/search?size=100&jobId=" + jobId + "&q=" + enc("\"" + phrase + "\""));
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            long seq = event.get("seq").asLong();
            assertThat(found.body().get("hits").valueStream()
                    .anyMatch(h -> h.get("runId").asString().equals(runId) && h.get("seq").asLong() == seq))
                    .as("event %d (%s) is found by \"%s\"", seq, event.get("type").asString(), phrase).isTrue();
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static String firstWords(String text) {
        Matcher words = WORD.matcher(text);
        List<String> first = new ArrayList<>();
        while (first.size() < 4 && words.find()) first.add(words.group());
        return String.join(" ", first);
    }

    private Path repository(String name) {
        Path repo = machine.elsewhere(name);
        git(repo, "init", "-q", "-b", "main");
        return repo;
    }

    private static String created(Api api, Map<String, Object> body) {
        Api.Response response = api.post("/api/jobs", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

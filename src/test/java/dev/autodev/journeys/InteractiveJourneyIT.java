package dev.autodev.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.TerminalClient;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An interactive session as a user has it, on the packaged jar with its defaults: the agent's own terminal UI in tmux,
 * typed into over REST and the terminal socket, surviving a kill -9 of the server, and cancelled at the end.
 */
class InteractiveJourneyIT extends FreshServerJourney {

    private static final Duration AGENT = Duration.ofSeconds(90);

    @Test
    void aSessionAnswersTakesInputSurvivesAKilledServerAndEndsOnCancel() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("interactive");
        machine.claudeModel.script(marker, Step.text("Hello, ANSWER-ONE."), Step.text("Typed, ANSWER-TWO."),
                Step.text("After the restart, ANSWER-THREE."));
        Path workDir = machine.elsewhere("interactive-work");
        Api.Response created = server.api().post("/api/jobs",
                Map.of("description", "Keep me company " + marker, "workDir", workDir.toString(), "interactive", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String jobId = created.body().get("id").asString();

        JsonNode run = awaitRun(jobId, "idle");
        String runId = run.get("id").asString();
        long pid = run.get("pid").asLong();
        await().atMost(AGENT).until(() -> history(runId).contains("ANSWER-ONE"));
        // The session lives on the server's own tmux socket, under its data directory.
        assertThat(Files.exists(server.home().resolve("data").resolve("tmux.sock"))).isTrue();

        try (TerminalClient terminal = TerminalClient.attach(server.port(), runId, 100, 30)) {
            await().atMost(AGENT).until(() -> terminal.output().contains("ANSWER-ONE"));
            terminal.type("and now?\r");
            await().atMost(AGENT).until(() -> terminal.output().contains("ANSWER-TWO"));
        }
        // What the session spent, from its transcript's tokens at the model's price (the CLI reports no cost there).
        await().atMost(AGENT).until(() -> lastRun(jobId).get("numTurns").asInt() >= 2);
        JsonNode spent = lastRun(jobId);
        assertThat(spent.get("costUsd").asDouble()).isPositive();
        assertThat(spent.get("costEstimated").asBoolean()).isTrue();

        server.kill9();
        assertThat(ProcessHandle.of(pid)).as("the session outlives its server").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        server.restart();

        // Taken over at start: still the same run, still typing into the same session.
        await().atMost(AGENT).until(() -> server.api().post("/api/agents/" + runId + "/reconnect", null).status() == 200);
        assertThat(history(runId)).contains("ANSWER-TWO");
        Api.Response continued = server.api().post("/api/agents/" + runId + "/continue", Map.of("message", "still there?"));
        assertThat(continued.status()).as(continued.text()).isEqualTo(202);
        await().atMost(AGENT).until(() -> history(runId).contains("ANSWER-THREE"));
        await().atMost(AGENT).until(() -> lastRun(jobId).get("status").asString().equals("idle"));

        Api.Response cancelled = server.api().post("/api/agents/" + runId + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        JsonNode job = Journeys.awaitJob(server.api(), jobId);
        assertThat(job.get("status").asString()).isEqualTo("cancelled");
        assertThat(job.get("runs")).as("one run from start to end, across the restart").hasSize(1);
        assertThat(job.get("runs").get(0).get("costUsd").asDouble()).isPositive();
        await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(server.api().post("/api/agents/" + runId + "/reconnect", null).status()).isEqualTo(409);
    }

    private JsonNode awaitRun(String jobId, String status) {
        await().atMost(AGENT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode runs = server.api().get("/api/jobs/" + jobId).body().get("runs");
            return runs.size() > 0 && runs.get(runs.size() - 1).get("status").asString().equals(status);
        });
        return lastRun(jobId);
    }

    private JsonNode lastRun(String jobId) {
        return Journeys.lastRun(server.api().get("/api/jobs/" + jobId).body());
    }

    private String history(String runId) {
        Api.Response response = server.api().get("/api/agents/" + runId + "/pty-history");
        return response.status() == 200 ? response.body().get("history").asString() : "";
    }
}

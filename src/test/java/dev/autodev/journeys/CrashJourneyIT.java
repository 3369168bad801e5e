package dev.autodev.journeys;

import static dev.autodev.testsupport.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server is killed with -9 while an agent works, and started again in the same directory: nothing is lost. */
class CrashJourneyIT extends FreshServerJourney {

    @Test
    void anAgentOutlivesAKilledServerAndItsJobEndsDoneAfterTheRestart() throws Exception {
        server = machine.startServer();
        String marker = Journeys.marker("crash");
        // The model is slow to answer, so the agent is mid-turn when the server dies.
        machine.claudeModel.script(marker, Step.text("Survived the crash.").afterDelay(Duration.ofSeconds(4)));
        Path repo = machine.elsewhere("crash-repo");
        git(repo, "init", "-q", "-b", "main");
        Api.Response created = server.api().post("/api/jobs", Map.of("description", "Be patient " + marker, "workDir", repo.toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String jobId = created.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> machine.claudeModel.requestsFor(marker).size() == 1);
        long pid = Journeys.lastRun(server.api().get("/api/jobs/" + jobId).body()).get("pid").asLong();

        server.kill9();
        assertThat(ProcessHandle.of(pid)).as("the agent lives on without its server").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        server.restart();

        JsonNode job = Journeys.awaitJob(server.api(), jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("runs")).hasSize(1);
        assertThat(Journeys.lastRun(job).get("resultText").asString()).isEqualTo("Survived the crash.");
        assertThat(machine.claudeModel.requestsFor(marker)).as("the model was asked once: no run was repeated").hasSize(1);
    }
}

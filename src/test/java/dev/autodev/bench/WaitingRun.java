package dev.autodev.bench;

import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A job on the shipped server whose agent waits on a slow model answer, so its run stays active: its token is then
 * accepted by the MCP endpoint, and its process shows the launch settings the server gives every run. Closing
 * cancels it and waits for its end.
 */
final class WaitingRun implements AutoCloseable {

    private static final Duration MODEL_DELAY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ServerJobs jobs;
    private final String jobId;
    private final LaunchSettings settings;

    private WaitingRun(ServerJobs jobs, String jobId, LaunchSettings settings) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.settings = settings;
    }

    static WaitingRun start(ServerJobs jobs, UserMachine machine) throws Exception {
        String marker = ServerJobs.marker("live");
        machine.model.script(marker, Step.text("done waiting").afterDelay(MODEL_DELAY));
        String jobId = jobs.submit(marker).id();
        Instant deadline = Instant.now().plus(TIMEOUT);
        long pid = -1;
        while (pid < 0 || machine.model.requestsFor(marker).isEmpty()) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("the live run never reached the model");
            JsonNode job = jobs.server().http().get("/api/jobs/" + jobId).expect(200).body();
            JsonNode runs = job.get("runs");
            if (runs != null && !runs.isEmpty() && runs.get(runs.size() - 1).hasNonNull("pid")) {
                pid = runs.get(runs.size() - 1).get("pid").asLong();
            }
            Thread.sleep(50);
        }
        return new WaitingRun(jobs, jobId, LaunchSettings.of(pid, jobs.server().javaPid()));
    }

    LaunchSettings settings() {
        return settings;
    }

    @Override
    public void close() throws InterruptedException {
        jobs.server().http().post("/api/jobs/" + jobId + "/cancel", Map.of());
        jobs.jobs.await(jobId, 50);
    }
}

package dev.autodev.bench;

import dev.autodev.agents.RunTokens;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Real jobs whose agents sit waiting on a slow model answer, so their runs stay active and their tokens are accepted
 * by the MCP endpoint. Each run gets a token issued here (the one its CLI was given stops working, which is fine:
 * the CLI never gets to call a tool). Closing cancels the jobs and waits until they have ended.
 */
final class ActiveRuns implements AutoCloseable {

    /** Longer than any section, shorter than the CLI's own 10 minute API timeout. */
    private static final Duration MODEL_DELAY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final BenchHttp http;
    private final List<String> jobIds;
    private final List<String> tokens;

    private ActiveRuns(BenchHttp http, List<String> jobIds, List<String> tokens) {
        this.http = http;
        this.jobIds = jobIds;
        this.tokens = tokens;
    }

    /**
     * Starts {@code count} jobs and returns once every CLI has sent its first model request, so that the CLIs' own
     * start-up CPU is spent before anything is timed.
     */
    static ActiveRuns start(BenchApp app, int count) throws InterruptedException {
        BenchHttp http = app.http();
        raiseConcurrencyTo(http, count);
        String marker = "bench-mcp-" + UUID.randomUUID();
        app.model().script(marker, Step.text("done waiting").afterDelay(MODEL_DELAY));
        Jobs jobs = new Jobs(http);
        List<String> jobIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) jobIds.add(jobs.submit("Wait around " + marker + " #" + i).id());
        ActiveRuns runs = new ActiveRuns(http, jobIds, new ArrayList<>());
        try {
            RunTokens issuer = app.bean(RunTokens.class);
            Instant deadline = Instant.now().plus(TIMEOUT);
            for (String jobId : jobIds) runs.tokens.add(issuer.issue(awaitRunning(http, jobId, deadline)));
            while (app.model().requestsFor(marker).size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("only " + app.model().requestsFor(marker).size() + " of " + count
                            + " agents reached the model after " + TIMEOUT);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | RuntimeException e) {
            runs.close();
            throw e;
        }
        return runs;
    }

    /** Burst may have set more slots already; fewer than the runs would leave some queued and their tokens unusable. */
    private static void raiseConcurrencyTo(BenchHttp http, int count) {
        int current = http.get("/api/settings").expect(200).body().get("maxConcurrentAgents").asInt();
        if (current < count) http.put("/api/settings", Map.of("maxConcurrentAgents", count)).expect(200);
    }

    private static String awaitRunning(BenchHttp http, String jobId, Instant deadline) throws InterruptedException {
        while (true) {
            JsonNode job = http.get("/api/jobs/" + jobId).expect(200).body();
            JsonNode runs = job.get("runs");
            JsonNode run = runs == null || runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (run != null && run.get("status").asString().equals("running")) return run.get("id").asString();
            if (Jobs.TERMINAL.contains(job.get("status").asString()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job " + jobId + " never got a running run: " + job);
            }
            Thread.sleep(20);
        }
    }

    int size() {
        return tokens.size();
    }

    /** The token of run {@code i}, wrapping round when there are more clients than runs. */
    String token(int i) {
        return tokens.get(i % tokens.size());
    }

    /** Cancels every job and waits for all of them to end, so later sections see no leftovers. */
    @Override
    public void close() throws InterruptedException {
        for (String jobId : jobIds) http.post("/api/jobs/" + jobId + "/cancel", Map.of());
        Jobs jobs = new Jobs(http);
        for (String jobId : jobIds) jobs.await(jobId, 20);
    }
}

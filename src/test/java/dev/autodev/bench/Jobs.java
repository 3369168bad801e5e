package dev.autodev.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Job-level calls the bench makes: submit a one-turn job, wait for its end, read its run's timestamps. */
final class Jobs {

    static final Set<String> TERMINAL = Set.of("done", "failed", "cancelled");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final BenchHttp http;

    Jobs(BenchHttp http) {
        this.http = http;
    }

    /** A created job, the client-side instant just before its POST went out, and when the answer was in. */
    record Submitted(String id, Instant sent, Instant answered) {}

    /** A job seen in a terminal state, and when the response saying so arrived. */
    record Finished(JsonNode job, Instant seen) {

        String status() {
            return job.get("status").asString();
        }

        /** The job's latest run. */
        JsonNode run() {
            JsonNode runs = job.get("runs");
            if (runs == null || runs.isEmpty()) throw new IllegalStateException("job has no run: " + job);
            return runs.get(runs.size() - 1);
        }

        Instant runInstant(String field) {
            JsonNode value = run().get(field);
            if (value == null || value.isNull()) throw new IllegalStateException("run has no " + field + ": " + run());
            return Instant.parse(value.asString());
        }

        boolean done() {
            return status().equals("done");
        }

        boolean processStarted() {
            JsonNode runs = job.get("runs");
            return runs != null && !runs.isEmpty() && run().hasNonNull("processStartedAt");
        }

        /** Why a job did not end done, in the words the server recorded. */
        String failure() {
            JsonNode runs = job.get("runs");
            JsonNode run = runs == null || runs.isEmpty() ? null : run();
            String why = run != null && run.hasNonNull("errorMessage") ? run.get("errorMessage").asString()
                    : job.hasNonNull("statusReason") ? job.get("statusReason").asString() : "no reason recorded";
            return "job " + job.get("id").asString() + " ended " + status() + ": " + why;
        }
    }

    /** Submits a job with an unscripted description, so the fake model answers it in one text turn. */
    Submitted submit(String description) {
        return submit(Map.of("description", description, "model", "claude-sonnet-4-6", "maxTurns", 1));
    }

    /** Submits a job with the given body, as a client would POST it. */
    Submitted submit(Map<String, Object> body) {
        BenchHttp.Reply reply = http.post("/api/jobs", body).expect(201);
        return new Submitted(reply.body().get("id").asString(), reply.sent(), reply.received());
    }

    /** Polls the job every {@code pollMillis} until it is terminal. */
    Finished await(String id, long pollMillis) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            BenchHttp.Reply reply = http.get("/api/jobs/" + id).expect(200);
            if (TERMINAL.contains(reply.body().get("status").asString())) {
                return new Finished(reply.body(), reply.received());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job " + id + " not finished after " + TIMEOUT + ": " + reply.body());
            }
            Thread.sleep(pollMillis);
        }
    }

    /** How many jobs are in a status, from the list endpoint's total. */
    long count(String status) {
        return http.get("/api/jobs?status=" + status + "&size=1").expect(200).body().get("total").asLong();
    }

    static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}

package dev.autodev.web;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets a 400 that names the field, and nothing is stored. */
class JobInputValidationTest extends AgentIntegrationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"priority":11,"description":"x"}                      | priority            | must be between -10 and 10, was 11
            {"priority":-11,"description":"x"}                     | priority            | must be between -10 and 10, was -11
            {"priority":"high","description":"x"}                  | priority            | expected a whole number, got 'high'
            {"priority":1.5,"description":"x"}                     | priority            | expected a whole number, got '1.5'
            {"description":"x","maxTurns":2.5}                     | maxTurns            | expected a whole number, got '2.5'
            {"description":"x","colour":"red"}                     | colour              | unknown field
            {"title":"no description"}                             | description         | is required and must not be blank
            {"description":"   "}                                  | description         | is required and must not be blank
            {"description":"x","stopMode":"forever"}               | stopMode            | must be one of turns, budget, time, completion, was 'forever'
            {"description":"x","stopMode":"budget"}                | stopValue           | is required for stopMode budget (US dollars)
            {"description":"x","stopMode":"time","stopValue":-1}   | stopValue           | must be a positive number
            {"description":"x","maxTurns":0}                       | maxTurns            | must be at least 1
            {"description":"x","dependsOn":["no-such-job"]}        | dependsOn           | unknown job id(s): no-such-job
            {"description":"x","dependsOn":"abc"}                  | dependsOn           | expected an array
            {"description":"x","workDir":"/no/such/dir/anywhere"}  | workDir             | no such directory: /no/such/dir/anywhere
            {"description":"x","scheduledAt":"tomorrow"}           | scheduledAt         | expected an ISO-8601 time such as 2026-01-31T09:00:00Z, got 'tomorrow'
            {"description":"x","repeatIntervalSeconds":0}          | repeatIntervalSeconds | must be at least 1
            {"description":"x","context":{"k":{"nested":1}}}       | context.k           | expected a string
            """)
    void badFieldIsNamedWithTheReason(String body, String field, String message) {
        long before = totalJobs();

        Api.Response response = api.post("/api/jobs", body);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("message").asString()).isEqualTo(message);
        assertThat(totalJobs()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        Api.Response response = api.post("/api/jobs", "{\"description\": \"x\",");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("body");
        assertThat(response.body().get("message").asString()).startsWith("malformed JSON");
    }

    @Test
    void aDescriptionPastItsMaximumIsRefused() {
        long before = totalJobs();

        Api.Response response = api.post("/api/jobs", Map.of("description", "x".repeat(100_001)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("description");
        assertThat(response.body().get("message").asString()).isEqualTo("must be at most 100000 characters, was 100001");
        assertThat(totalJobs()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        long before = totalJobs();
        byte[] body = ("{\"description\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes();

        Api.Response declared = api.post("/api/jobs", new String(body));
        var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + localPort() + "/api/jobs"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        Api.Response streamed = api.send(chunked, Map.of());

        for (Api.Response response : List.of(declared, streamed)) {
            assertThat(response.status()).as(response.text()).isEqualTo(413);
            assertThat(response.body().get("error").asString()).isEqualTo("payload_too_large");
            assertThat(response.body().get("field").asString()).isEqualTo("body");
        }
        assertThat(totalJobs()).isEqualTo(before);
    }

    @Test
    void missingBodyIsRefused() {
        assertThat(api.post("/api/jobs", "").status()).isEqualTo(400);
    }

    @Test
    void aRefusedJobWithDependenciesLeavesNoEdgesBehind() {
        String existing = createJob(aJob("exists " + newMarker()).with("scheduledAt", "2999-01-01T00:00:00Z")).get("id").asString();
        long before = totalJobs();

        Api.Response response = api.post("/api/jobs", Map.of("description", "x", "dependsOn", List.of(existing, "missing")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(totalJobs()).isEqualTo(before);
        api.post("/api/jobs/" + existing + "/cancel", null);
    }

    @Test
    void blankTitleIsGeneratedFromTheDescription() {
        String description = "Refactor the payment module so that refunds and chargebacks share one code path " + newMarker();
        var job = createJob(aJob(description).with("scheduledAt", "2999-01-01T00:00:00Z"));

        assertThat(job.get("title").asString()).isEqualTo("Refactor the payment module so that refunds and chargebacks…");
        api.post("/api/jobs/" + job.get("id").asString() + "/cancel", null);
    }

    @Test
    void listFiltersByStatusAndPages() {
        var created = createJob(aJob("to cancel " + newMarker()).with("scheduledAt", "2999-01-01T00:00:00Z"));
        api.post("/api/jobs/" + created.get("id").asString() + "/cancel", null);

        var page = api.get("/api/jobs?status=cancelled&size=1").body();

        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("cancelled");
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(api.get("/api/jobs?status=sleeping").body().get("field").asString()).isEqualTo("status");
        assertThat(api.get("/api/jobs?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/jobs?page=x").status()).isEqualTo(400);
    }

    @Test
    void settingsAreReadAndValidated() {
        assertThat(api.get("/api/settings").body().get("maxConcurrentAgents").asInt()).isEqualTo(20);
        assertThat(api.put("/api/settings", Map.of("maxConcurrentAgents", 3)).body().get("maxConcurrentAgents").asInt()).isEqualTo(3);
        assertThat(api.get("/api/settings").body().get("maxConcurrentAgents").asInt()).isEqualTo(3);

        Api.Response tooMany = api.put("/api/settings", Map.of("maxConcurrentAgents", 0));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("field").asString()).isEqualTo("maxConcurrentAgents");
        assertThat(api.put("/api/settings", Map.of("maxAgents", 3)).body().get("field").asString()).isEqualTo("maxAgents");
        assertThat(api.get("/api/settings").body().get("maxConcurrentAgents").asInt()).isEqualTo(3);
    }

    @Test
    void healthAnswers() {
        assertThat(api.get("/api/health").body().get("status").asString()).isEqualTo("ok");
    }

    private long totalJobs() {
        return api.get("/api/jobs?size=1").body().get("total").asLong();
    }
}

package dev.autodev.journeys;

import static dev.autodev.testsupport.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user teaches the knowledge base something about a repository over REST, finds it again, and the next job in
 * that repository gets it as memory; the job, created without a model, is classified by the small model on the
 * way. The packaged jar with its defaults (auto-classification on), as a user starts it.
 */
class KnowledgeBaseJourneyIT extends OneServerJourney {

    @Test
    void anEntryAddedOverRestIsFoundAndReachesTheNextJobInItsRepository() {
        Path repo = machine.elsewhere("repo");
        git(repo, "init", "-q", "-b", "main");
        String word = "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        Api.Response added = api.post("/api/knowledge-base", Map.of("title", "Run " + word + " before committing",
                "content", "The pre-commit check is ./scripts/" + word + ".sh; CI rejects commits without it.",
                "tags", java.util.List.of("ci"), "scope", "project", "project", repo.resolve("src").getParent().toString()));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.body().get("project").asString()).isEqualTo(repo.toString());

        JsonNode found = api.get("/api/knowledge-base/search?q=" + word + "&project="
                + URLEncoder.encode(repo.toString(), StandardCharsets.UTF_8)).body();
        assertThat(found.get("count").asInt()).isEqualTo(1);
        assertThat(found.get("results").get(0).get("snippet").asString()).contains("[[" + word + "]]");

        String marker = Journeys.marker("journey");
        machine.claudeModel.answerQuestions(marker, Step.text("simple - one small script call"));
        machine.claudeModel.script(marker, Step.text("Committed."));
        Api.Response created = api.post("/api/jobs", Map.of("description", "Commit the change " + word + " " + marker,
                "workDir", repo.toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode job = Journeys.awaitJob(api, created.body().get("id").asString());

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("model").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(job.get("modelChoice").get("rating").asString()).isEqualTo("simple");
        String prompt = machine.claudeModel.requestsFor(marker).getFirst().firstUserText();
        assertThat(prompt).contains("## Memory").contains("Run " + word + " before committing");
        assertThat(api.get("/api/usage").body().get("system").get("calls").asLong()).isPositive();
    }
}

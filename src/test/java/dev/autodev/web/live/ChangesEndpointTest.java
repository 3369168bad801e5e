package dev.autodev.web.live;

import static dev.autodev.testsupport.ChangesJson.files;
import static dev.autodev.testsupport.ChangesJson.subjects;
import static dev.autodev.testsupport.GitRepos.git;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/agents/{id}/changes} of jobs working in a plain checkout, on real git repositories. */
class ChangesEndpointTest extends AgentIntegrationTest {

    @Test
    void changesShowWhatTheAgentCommittedEditedAndCreatedSinceItsRunStarted() throws Exception {
        Path repo = repository("old line\n");
        String start = git(repo, "rev-parse", "HEAD").strip();
        String marker = newMarker();
        MODEL.script(marker,
                Step.toolUse("Bash", Map.of("command", "printf 'committed\\n' > committed.txt && git add committed.txt"
                        + " && git -c user.email=t@example.com -c user.name=t commit -q -m 'Add committed.txt'"
                        + " && printf 'new line\\n' > README.md && printf 'hello\\n' > new.txt")),
                Step.text("Edited."));

        JsonNode job = awaitJob(createJob(aJob("Edit the readme " + marker).inDir(repo.toString())).get("id").asString(),
                "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("workDir").asString()).isEqualTo(repo.toString());
        assertThat(run.get("baseCommit").asString()).isEqualTo(start);

        JsonNode changes = changes(run.get("id").asString());
        assertThat(changes.get("source").asString()).isEqualTo("workdir");
        assertThat(changes.get("workDir").asString()).isEqualTo(repo.toString());
        assertThat(changes.get("branch").isNull()).isTrue();
        assertThat(changes.get("base").asString()).isEqualTo(start);
        assertThat(changes.get("head").asString()).hasSize(40).isNotEqualTo(start);
        assertThat(subjects(changes)).containsExactly("Add committed.txt");
        assertThat(changes.get("commits").get(0).get("sha").asString()).isEqualTo(changes.get("head").asString());
        assertThat(files(changes)).containsExactly(
                "README.md modified +1 -1 tracked", "committed.txt added +1 -0 tracked", "new.txt added +1 -0 untracked");
        assertThat(changes.get("diff").asString()).contains("-old line", "+new line", "+committed", "+hello");
        assertThat(changes.get("untracked").valueStream().map(JsonNode::asString)).containsExactly("new.txt");
        assertThat(changes.get("truncated").asBoolean()).isFalse();
        assertThat(changes.get("note").isNull()).isTrue();

        JsonNode ofJob = changes(run.get("id").asString(), "?scope=job");
        assertThat(ofJob.get("scope").asString()).isEqualTo("job");
        assertThat(ofJob.get("base").asString()).isEqualTo(start);
    }

    @Test
    void inARepositoryWithoutCommitsEveryFileIsNew() throws Exception {
        Path repo = newWorkDir();
        git(repo, "init", "-q");
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("Bash", Map.of("command", "printf 'first\\n' > first.txt")), Step.text("Wrote it."));

        JsonNode job = awaitJob(createJob(aJob("Start a project " + marker).inDir(repo.toString())).get("id").asString(), "done");
        JsonNode changes = changes(job.get("runs").get(0).get("id").asString());

        assertThat(changes.get("base").isNull()).isTrue();
        assertThat(changes.get("head").isNull()).isTrue();
        assertThat(changes.get("commits").size()).isZero();
        assertThat(files(changes)).containsExactly("first.txt added +1 -0 untracked");
        assertThat(changes.get("diff").asString()).contains("+first");
    }

    @Test
    void aBaseCommitThatNoLongerExistsGivesWayToHeadWithANote() throws Exception {
        Path repo = repository("line\n");
        String start = git(repo, "rev-parse", "HEAD").strip();
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("Bash", Map.of("command", "printf 'more\\n' >> README.md")), Step.text("Appended."));
        JsonNode job = awaitJob(createJob(aJob("Append " + marker).inDir(repo.toString())).get("id").asString(), "done");
        // Someone rewrites the history and collects the garbage: the run's base commit is gone.
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--amend", "-m", "reworded");
        git(repo, "reflog", "expire", "--expire=now", "--all");
        git(repo, "gc", "-q", "--prune=now");
        String rewritten = git(repo, "rev-parse", "HEAD").strip();

        JsonNode changes = changes(job.get("runs").get(0).get("id").asString());

        assertThat(changes.get("base").asString()).isEqualTo(rewritten).isNotEqualTo(start);
        assertThat(changes.get("note").asString()).contains(start, "no longer exists");
        assertThat(files(changes)).containsExactly("README.md modified +1 -0 tracked");
    }

    @Test
    void changesOfARunOutsideAGitRepositoryAreAConflict() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("nothing to change"));
        Path dir = newWorkDir();

        JsonNode job = awaitJob(createJob(aJob("Do nothing " + marker).inDir(dir.toString())).get("id").asString(), "done");
        String runId = job.get("runs").get(0).get("id").asString();

        Api.Response changes = api.get("/api/agents/" + runId + "/changes");
        assertThat(changes.status()).isEqualTo(409);
        assertThat(changes.body().get("message").asString()).contains("not a git repository");
        assertThat(api.get("/api/agents/no-such-run/changes").status()).isEqualTo(404);
        Api.Response badScope = api.get("/api/agents/" + runId + "/changes?scope=everything");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.body().get("field").asString()).isEqualTo("scope");
    }

    private JsonNode changes(String runId) {
        return changes(runId, "");
    }

    private JsonNode changes(String runId, String query) {
        Api.Response response = api.get("/api/agents/" + runId + "/changes" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** A repository with one commit holding README.md. */
    private static Path repository(String readme) throws Exception {
        Path repo = newWorkDir();
        Files.writeString(repo.resolve("README.md"), readme);
        git(repo, "init", "-q");
        git(repo, "add", "README.md");
        git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "first");
        return repo;
    }
}

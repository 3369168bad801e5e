package dev.autodev.journeys;

import static dev.autodev.testsupport.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a new user does on the first day, against the packaged jar started with its defaults in an empty directory
 * ({@link PackagedServer}), on repositories elsewhere on the machine. Journeys share the one server, so each scripts
 * its own marker and looks only at its own jobs.
 */
class UserJourneysIT extends OneServerJourney {

    @Test
    void aJobWorksInARepositoryElsewhereWithTheDefaultConfiguration() throws Exception {
        String marker = Journeys.marker("journey");
        Path repo = repositoryElsewhere();
        machine.claudeModel.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("hello.txt"), "reason", "greet")),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("hello.txt").toString(), "content", "hello\n")),
                Step.text("Wrote hello.txt."));

        JsonNode job = runToEnd(Map.of("description", "Say hello " + marker, "workDir", repo.toString()));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(repo.resolve("hello.txt")).hasContent("hello");
        // The run's files live under the server's own data/, whatever directory the agent worked in.
        String runId = Journeys.lastRun(job).get("id").asString();
        assertThat(server.home().resolve("data").resolve("agent-logs").resolve(runId + ".ndjson")).isNotEmptyFile();
        assertThat(server.home().resolve("data").resolve("orchestrator.db")).exists();
    }

    /**
     * Jobs one after another in one repository: once a run is past its start, the server starts a CLI for the next one
     * and that job's run takes it over (its command line names the warm start's config), and works through it. The
     * journeys share the server, and runs of others may take the one warm start's place, so a few jobs may be needed.
     */
    @Test
    void aJobAfterAnotherInTheSameRepositoryTakesOverTheCliStartedAheadForIt() throws Exception {
        Path repo = repositoryElsewhere();
        for (int job = 1; ; job++) {
            String marker = Journeys.marker("journey");
            machine.claudeModel.script(marker,
                    Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("n" + job + ".txt"), "reason", "count")),
                    Step.toolUse("Write", Map.of("file_path", repo.resolve("n" + job + ".txt").toString(), "content", job + "\n")),
                    Step.text("Counted.").afterDelay(Duration.ofSeconds(1)));
            Api.Response created = api.post("/api/jobs", Map.of("description", "Count " + marker, "workDir", repo.toString()));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode running = awaitRunStatus(created.body().get("id").asString(), 1, "running");
            String commandLine = ProcessHandle.of(running.get("pid").asLong()).flatMap(p -> p.info().commandLine()).orElse("");
            JsonNode done = Journeys.awaitJob(api, created.body().get("id").asString());
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
            // Written under the lock the run took: its MCP token and its lock hook's are the run's.
            assertThat(repo.resolve("n" + job + ".txt")).hasContent(Integer.toString(job));
            if (commandLine.contains("/warm-")) return;
            assertThat(job).as("jobs in one repository, none of which took over a CLI started ahead").isLessThan(5);
        }
    }

    @Test
    void aCodexJobWorksInARepositoryElsewhere() {
        String marker = Journeys.marker("journey");
        Path repo = repositoryElsewhere();
        machine.codexModel.script(marker, dev.autodev.testsupport.fakeopenai.ResponseStep.text("Looked around; all good."));

        JsonNode job = runToEnd(Map.of("description", "Look around " + marker, "workDir", repo.toString(), "model", "codex"));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(Journeys.lastRun(job).get("resultText").asString()).isEqualTo("Looked around; all good.");
    }

    @Test
    void aWorktreeJobCommitsPushesOpensAPullRequestAndShowsItsChanges() {
        String marker = Journeys.marker("journey");
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(machine.elsewhere("worktree-repo"));
        AtomicReference<Path> worktree = new AtomicReference<>();
        machine.claudeModel.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("feature.txt"), "reason", "feature")),
                Step.toolUse("Write", request -> Map.of("file_path", worktree.get().resolve("feature.txt").toString(),
                        "content", "a feature\n")),
                Step.text("Added the feature."));

        Map<String, Object> request = Map.of("description", "Add the feature " + marker, "workDir", repo.checkout().toString(),
                "useWorktree", true);
        Api.Response created = api.post("/api/jobs", request);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String jobId = created.body().get("id").asString();
        worktree.set(repo.checkout().resolve(".orchestrator-worktrees").resolve(jobId.substring(0, 8)));
        JsonNode job = Journeys.awaitJob(api, jobId);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        String branch = job.get("branch").asString();
        assertThat(job.get("prUrl").asString()).isEqualTo(JourneyEnvironment.FAKE_PR_URL);
        assertThat(git(repo.origin(), "show", branch + ":feature.txt")).isEqualTo("a feature\n");
        assertThat(machine.ghCallsSoFar()).contains("pr\ncreate\n--head\n" + branch);
        assertThat(repo.checkout().resolve("feature.txt")).doesNotExist();

        Api.Response changes = api.get("/api/agents/" + Journeys.lastRun(job).get("id").asString() + "/changes");
        assertThat(changes.status()).as(changes.text()).isEqualTo(200);
        assertThat(changes.body().get("diff").asString()).contains("+a feature");
    }

    @Test
    void continueCarriesTheConversationOnAndCancelStopsARunningAgent() {
        String marker = Journeys.marker("journey");
        Path repo = repositoryElsewhere();
        machine.claudeModel.script(marker, Step.text("First answer."), Step.text("Second answer."),
                Step.text("never sent").afterDelay(Duration.ofMinutes(5)));

        JsonNode first = runToEnd(Map.of("description", "Talk to me " + marker, "workDir", repo.toString()));
        assertThat(first.get("status").asString()).isEqualTo("done");
        String firstRun = Journeys.lastRun(first).get("id").asString();

        Api.Response continued = api.post("/api/agents/" + firstRun + "/continue", Map.of("message", "And then?"));
        assertThat(continued.status()).as(continued.text()).isEqualTo(202);
        JsonNode second = awaitRunStatus(first.get("id").asString(), 2, "done");
        assertThat(second.get("resultText").asString()).isEqualTo("Second answer.");
        assertThat(second.get("resumedFromId").asString()).isEqualTo(firstRun);

        Api.Response third = api.post("/api/agents/" + second.get("id").asString() + "/continue", Map.of("message", "Wait."));
        assertThat(third.status()).as(third.text()).isEqualTo(202);
        JsonNode running = awaitRunStatus(first.get("id").asString(), 3, "running");
        long pid = running.get("pid").asLong();
        Api.Response cancelled = api.post("/api/jobs/" + first.get("id").asString() + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(Journeys.awaitJob(api, first.get("id").asString()).get("status").asString()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aPageThatRebindsItsNameToThisMachineCanNeitherDriveNorReadIt() {
        long before = jobCount();
        Map<String, String> rebound = Map.of("Host", "evil.example:" + server.port(), "Origin", "http://evil.example:" + server.port());

        RawHttp.Reply post = RawHttp.send(server.port(), "POST", "/api/jobs", rebound, "{\"description\":\"rm -rf ~\"}");
        RawHttp.Reply get = RawHttp.send(server.port(), "GET", "/api/jobs", Map.of("Host", "evil.example:" + server.port()), null);
        RawHttp.Reply mcp = RawHttp.send(server.port(), "POST", "/mcp", rebound, "{}");
        RawHttp.Reply page = RawHttp.send(server.port(), "GET", "/", Map.of("Host", "evil.example"), null);
        RawHttp.Reply foreignOrigin = RawHttp.send(server.port(), "POST", "/api/jobs",
                Map.of("Host", "127.0.0.1:" + server.port(), "Origin", "http://evil.example"), "{\"description\":\"x\"}");

        for (RawHttp.Reply reply : List.of(post, get, mcp, page, foreignOrigin)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.body()).contains("\"error\":\"forbidden\"");
        }
        assertThat(get.body()).doesNotContain("items");
        assertThat(jobCount()).isEqualTo(before);
        // The user's own names still work.
        assertThat(RawHttp.send(server.port(), "GET", "/api/health", Map.of("Host", "localhost:" + server.port()), null).status())
                .isEqualTo(200);
    }

    @Test
    void aForgedAgentTokenGetsNothingFromMcp() {
        RawHttp.Reply reply = RawHttp.send(server.port(), "POST", "/mcp",
                Map.of("Host", "127.0.0.1:" + server.port(), "Authorization", "Bearer forged-" + UUID.randomUUID(),
                        "Accept", "application/json, text/event-stream"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"write_note\","
                        + "\"arguments\":{\"key\":\"forged\",\"content\":\"x\"}}}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(api.get("/api/notes/forged").status()).isEqualTo(404);
    }

    @Test
    void aModelThatRefusesTheKeyFailsTheJobAsAuthWithinSeconds() {
        String marker = Journeys.marker("journey");
        machine.claudeModel.script(marker, Step.error(401, "authentication_error", "invalid x-api-key"));

        JsonNode job = runToEnd(Map.of("description", "Anything " + marker, "workDir", repositoryElsewhere().toString()));

        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode run = Journeys.lastRun(job);
        assertThat(run.get("failureKind").asString()).as(run.toString()).isEqualTo("auth");
        assertThat(run.get("errorMessage").asString()).containsIgnoringCase("key");
        // Claude Code alone would retry a 401 for minutes (10 attempts, growing delays); the orchestrator stops it at
        // the first refusal, before the CLI's second retry.
        assertThat(machine.claudeModel.requestsFor(marker)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void anOversizedBodyIsRefusedAndNothingIsStored() {
        long before = jobCount();
        String description = "x".repeat(2 * 1024 * 1024);

        Api.Response response = api.post("/api/jobs", Map.of("description", description));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().get("error").asString()).isEqualTo("payload_too_large");
        assertThat(jobCount()).isEqualTo(before);
    }

    private long jobCount() {
        return api.get("/api/jobs?size=1").body().get("total").asLong();
    }

    private Path repositoryElsewhere() {
        Path repo = machine.elsewhere("repo");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.name", "A User");
        git(repo, "config", "user.email", "user@example.com");
        try {
            Files.writeString(repo.resolve("README.md"), "# app\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "start");
        return repo;
    }

    private JsonNode runToEnd(Map<String, Object> request) {
        Api.Response created = api.post("/api/jobs", new HashMap<>(request));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Journeys.awaitJob(api, created.body().get("id").asString());
    }

    private JsonNode awaitRunStatus(String jobId, int runs, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode all = api.get("/api/jobs/" + jobId).body().get("runs");
            assertThat(all.size()).isEqualTo(runs);
            last[0] = all.get(runs - 1);
            assertThat(last[0].get("status").asString()).isEqualTo(status);
        });
        return last[0];
    }
}

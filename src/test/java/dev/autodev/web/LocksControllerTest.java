package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.RunTokens;
import dev.autodev.common.Db;
import dev.autodev.locks.FileLockRegistry;
import dev.autodev.locks.LockResult;
import dev.autodev.locks.TestRuns;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/locks, DELETE /api/locks/{id} and the hook's GET /api/locks/check. */
class LocksControllerTest extends AgentIntegrationTest {

    @Autowired
    FileLockRegistry registry;
    @Autowired
    RunTokens tokens;
    @Autowired
    Db db;

    TestRuns runs;
    Path workDir;
    AgentIdentity agent;
    String token;

    @BeforeEach
    void anAgentWithAToken() throws IOException {
        runs = new TestRuns(db, registry);
        workDir = newWorkDir().toRealPath();
        agent = runs.activeRun(workDir);
        token = tokens.issue(agent.runId());
    }

    @AfterEach
    void endRuns() {
        runs.endAll();
    }

    @Test
    void listShowsHeldLocksWithTheirHolders() {
        registry.acquire(agent, List.of("checkout::api", "Main.java"), "splitting the api", null, Duration.ZERO);

        Api.Response response = api.get("/api/locks");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> mine = response.body().valueStream().filter(l -> l.get("runId").asString().equals(agent.runId())).toList();
        assertThat(mine).extracting(l -> l.get("path").asString())
                .containsExactly(workDir.resolve("api").toString(), workDir.resolve("Main.java").toString());
        assertThat(mine.getFirst().get("directory").asBoolean()).isTrue();
        assertThat(mine.getFirst().get("jobId").asString()).isEqualTo(agent.jobId());
        assertThat(mine.getFirst().get("reason").asString()).isEqualTo("splitting the api");
        assertThat(mine.getFirst().get("expiresAt").asString()).isNotBlank();
    }

    @Test
    void deleteForceReleasesALockAndAnUnknownIdIs404() {
        var acquired = (LockResult.Acquired) registry.acquire(agent, List.of("stuck.txt"), "r", null, Duration.ZERO);
        String id = acquired.locks().getFirst().id();

        Api.Response deleted = delete("/api/locks/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("id").asString()).isEqualTo(id);
        assertThat(registry.holds(agent.runId(), workDir.resolve("stuck.txt"))).isFalse();
        Api.Response again = delete("/api/locks/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void checkAllowsOnlyFilesTheCallingRunHoldsResolvingRelativePaths() {
        registry.acquire(agent, List.of("src/Held.java"), "r", null, Duration.ZERO);

        JsonNode held = check("src/../src/Held.java", token).body();
        JsonNode absolute = check(workDir.resolve("src/Held.java").toString(), token).body();
        JsonNode free = check("src/Free.java", token).body();

        assertThat(held.get("allowed").asBoolean()).isTrue();
        assertThat(held.get("file").asString()).isEqualTo(workDir.resolve("src/Held.java").toString());
        assertThat(absolute.get("allowed").asBoolean()).isTrue();
        assertThat(free.get("allowed").asBoolean()).isFalse();
        assertThat(free.get("file").asString()).isEqualTo(workDir.resolve("src/Free.java").toString());
        assertThat(free.get("reason").asString()).contains("lock_files");
    }

    @Test
    void checkNeedsTheTokenOfAnActiveRun() {
        assertThat(check("x", null).status()).isEqualTo(401);
        assertThat(check("x", "unknown").status()).isEqualTo(401);
        runs.endQuietly(agent);
        Api.Response ended = check("x", token);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.body().get("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void checkWithoutAFileIsABadRequest() {
        Api.Response response = api.send(HttpRequest.newBuilder(URI.create(base() + "/api/locks/check")).GET(),
                Map.of("Authorization", "Bearer " + token));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo("file");
    }

    private Api.Response check(String file, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(base() + "/api/locks/check?file="
                + URLEncoder.encode(file, StandardCharsets.UTF_8))).GET();
        return api.send(request, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
    }

    private Api.Response delete(String path) {
        return api.send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE(), Map.of());
    }

    private String base() {
        return "http://127.0.0.1:" + localPort();
    }
}

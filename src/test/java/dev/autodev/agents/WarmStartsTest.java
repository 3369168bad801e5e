package dev.autodev.agents;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A CLI started ahead for the next run of the same shape, with the real Claude Code: the next run takes it over and
 * works through it as through its own (its MCP token, the lock hook, its session), and one left unused is stopped.
 */
class WarmStartsTest extends AgentIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    WarmStarts warmStarts;

    /**
     * A server of its own: in the shared one, the runs of the classes running in parallel would take the one warm
     * start's place between a run here and the next.
     */
    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) {
        overrideServerProperty(registry, "autodev.agents.warm-starts.idle-timeout", () -> "9m");
        overrideServerProperty(registry, "autodev.storage.db-path", () -> ROOT.resolve("warm-starts-test.db").toString());
        overrideServerProperty(registry, "autodev.interactive.socket", () -> ROOT.resolve("tmux-warm.sock").toString());
    }

    /** None waits from an earlier test: one that has not waited 30 s keeps a run of another shape from starting one. */
    @BeforeEach
    void noneWaiting() {
        warmStarts.sweep(Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void theNextRunInTheSameWorkDirTakesOverTheCliStartedAheadAndWorksThroughIt() throws Exception {
        Path workDir = newWorkDir();
        // Started once a run was past its start, for the next run in that work dir: waiting for its prompt.
        ProcessHandle warm = warmUp(workDir);
        String warmSession = optionAfter(warm, "--session-id");
        // Longer than the CLI waits for a silent stdin (3 s): a warm start may wait for its run much longer than that.
        Instant started = warm.info().startInstant().orElseThrow();
        await().atMost(WAIT).until(() -> Duration.between(started, Instant.now()).toSeconds() >= 4);
        assertThat(warm.isAlive()).isTrue();

        String second = newMarker();
        MODEL.script(second,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("warm.txt"), "reason", "write it")),
                Step.toolUse("Write", Map.of("file_path", workDir.resolve("warm.txt").toString(), "content", "warm\n")),
                Step.text("Second done."));
        JsonNode job = awaitJob(createJob(aJob("Write warm.txt " + second).inDir(workDir.toString())).get("id").asString(),
                "done", "failed");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("pid").asLong()).as("the run's process is the one started ahead").isEqualTo(warm.pid());
        assertThat(run.get("sessionId").asString()).as("the run holds the warm start's conversation").isEqualTo(warmSession);
        assertThat(run.get("resultText").asString()).isEqualTo("Second done.");
        assertThat(run.get("exitCode").asInt()).isZero();
        // Its MCP token and its lock hook are the run's: the lock was granted and the locked file written.
        assertThat(Files.readString(workDir.resolve("warm.txt"))).isEqualTo("warm\n");
        String output = api.get("/api/agents/" + run.get("id").asString() + "/output").body().get("events").toString();
        assertThat(output).contains("lock_files").contains("Second done.");
        // Counted where monitoring reads it (this test's server has run no other).
        String metrics = api.get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern("autodev_agents_warm_starts_total\\{[^}]*outcome=\"taken\"[^}]*} [1-9]")
                .containsPattern("autodev_agents_warm_starts_total\\{[^}]*outcome=\"started\"[^}]*} [1-9]");
    }

    @Test
    void aWarmStartLeftUnusedIsStoppedOnceItsIdleTimeoutHasPassed() throws Exception {
        Path workDir = newWorkDir();
        ProcessHandle warm = warmUp(workDir);

        warmStarts.sweep(Instant.now().plus(Duration.ofMinutes(8)));
        assertThat(warm.isAlive()).as("not yet idle for its 9 minutes").isTrue();
        warmStarts.sweep(Instant.now().plus(Duration.ofMinutes(10)));

        await().atMost(WAIT).until(() -> !warm.isAlive());
        assertThat(waitingIn(workDir)).isEmpty();
    }

    @Test
    void aRunElsewhereLeavesTheWaitingCliAloneUntilTwoRunsThereComeInARow() throws Exception {
        Path first = newWorkDir();
        ProcessHandle warmFirst = warmUp(first);
        Path second = newWorkDir();

        runOneTurn(second);
        // One run elsewhere (runs taking turns, perhaps): the CLI waits on, and none is started there.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> warmFirst.isAlive() && waitingIn(second).isEmpty());

        runOneTurn(second);
        ProcessHandle warmSecond = await().atMost(WAIT).until(() -> waitingIn(second), Optional::isPresent).orElseThrow();
        await().atMost(WAIT).until(() -> !warmFirst.isAlive());
        assertThat(warmSecond.isAlive()).isTrue();
    }

    private void runOneTurn(Path workDir) {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Done here."));
        awaitJob(createJob(aJob("Once " + marker).inDir(workDir.toString())).get("id").asString(), "done");
    }

    /**
     * Runs one-turn jobs in {@code workDir} until a CLI waits there for the next one: a warm start is skipped while
     * runs take every start slot.
     */
    private ProcessHandle warmUp(Path workDir) {
        for (int attempt = 1; ; attempt++) {
            runOneTurn(workDir);
            try {
                return await().atMost(Duration.ofSeconds(20)).until(() -> waitingIn(workDir), Optional::isPresent).orElseThrow();
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    /** The CLI waiting for its prompt in {@code workDir}, if one does. */
    private static Optional<ProcessHandle> waitingIn(Path workDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains("/warm-") && cmd.contains("--session-id")).orElse(false))
                .filter(p -> realPath(workDir).equals(cwd(p)))
                .findFirst();
    }

    private static Path cwd(ProcessHandle process) {
        return realPath(Path.of("/proc", Long.toString(process.pid()), "cwd"));
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return Path.of("/nonexistent");
        }
    }

    private static String optionAfter(ProcessHandle process, String option) {
        List<String> args = List.of(process.info().arguments().orElseThrow());
        return args.get(args.indexOf(option) + 1);
    }
}

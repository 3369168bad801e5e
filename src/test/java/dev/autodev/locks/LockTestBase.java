package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.Db;
import dev.autodev.testsupport.AgentIntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The running server, a fresh work dir and three active runs (agents a, b and c) working in it. */
abstract class LockTestBase extends AgentIntegrationTest {

    static final Duration NO_WAIT = Duration.ZERO;

    @Autowired
    FileLockRegistry registry;
    @Autowired
    Db db;

    TestRuns runs;
    Path workDir;
    AgentIdentity a;
    AgentIdentity b;
    AgentIdentity c;

    @BeforeEach
    void threeAgents() throws IOException {
        runs = new TestRuns(db, registry);
        workDir = newWorkDir().toRealPath(); // what the registry stores, even where the temp dir sits behind a link
        a = runs.activeRun(workDir);
        b = runs.activeRun(workDir);
        c = runs.activeRun(workDir);
    }

    @AfterEach
    void endRuns() {
        runs.endAll();
    }

    LockResult lock(AgentIdentity who, String... files) {
        return registry.acquire(who, List.of(files), "test", null, NO_WAIT);
    }

    /** Starts a waiting acquire on its own thread. */
    CompletableFuture<LockResult> lockInBackground(AgentIdentity who, Duration timeout, String... files) {
        return CompletableFuture.supplyAsync(() -> registry.acquire(who, List.of(files), "test", null, timeout),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    String abs(String relative) {
        return workDir.resolve(relative).toString();
    }

    List<String> pathsHeldBy(AgentIdentity who) {
        return registry.list().stream().filter(l -> l.runId().equals(who.runId())).map(FileLock::display).toList();
    }
}

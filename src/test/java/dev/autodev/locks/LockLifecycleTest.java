package dev.autodev.locks;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.locks.LocksChanged.Change;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Locks and the world around them: runs that end, and the events the dashboard listens to. */
class LockLifecycleTest extends LockTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aRealRunsLocksAreReleasedWhenItEnds() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("never seen").afterDelay(Duration.ofSeconds(60)));
        String jobId = createJob(aJob("Hold a lock " + marker).inDir(workDir.toString())).get("id").asString();
        String runId = awaitRun(jobId, "running").get("id").asString();
        AgentIdentity agent = new AgentIdentity(runId, jobId, "claude-sonnet-4-6", workDir);
        assertThat(lock(agent, "held-by-a-real-run.txt")).isInstanceOf(LockResult.Acquired.class);

        assertThat(api.post("/api/agents/" + runId + "/cancel", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> pathsHeldBy(agent).isEmpty());
        assertThat(db.read().sql("SELECT count(*) FROM file_locks WHERE run_id = ?").param(runId).query(Long.class).single()).isZero();
        assertThat(lock(b, "held-by-a-real-run.txt")).isInstanceOf(LockResult.Acquired.class);
    }

    @Test
    void everyChangeIsPublishedForTheDashboard() {
        List<LocksChanged> seen = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<LocksChanged>> listener = ApplicationListener.forPayload(seen::add);
        context.addApplicationListener(listener);
        try {
            var taken = (LockResult.Acquired) lock(a, "one.txt", "two.txt");
            registry.release(a, List.of("one.txt"));
            registry.forceRelease(taken.locks().get(1).id());
            lock(a, "three.txt");
            registry.releaseAll(a.runId());

            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 5);
            List<LocksChanged> mine = seen.stream()
                    .filter(e -> e.locks().stream().allMatch(l -> l.runId().equals(a.runId()))).toList();
            assertThat(mine).extracting(LocksChanged::change)
                    .containsExactly(Change.ACQUIRED, Change.RELEASED, Change.FORCE_RELEASED, Change.ACQUIRED, Change.RUN_ENDED);
            assertThat(mine.getFirst().locks()).extracting(FileLock::path)
                    .containsExactly(abs("one.txt"), abs("two.txt"));
            assertThat(mine.getLast().locks()).extracting(FileLock::path).containsExactly(abs("three.txt"));
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void expiredLocksAreAnnounced() {
        List<LocksChanged> seen = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<LocksChanged>> listener = ApplicationListener.forPayload(seen::add);
        context.addApplicationListener(listener);
        try {
            registry.acquire(a, List.of("fleeting.txt"), "r", Duration.ofMillis(100), NO_WAIT);

            await().pollDelay(Duration.ofMillis(150)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                registry.purgeExpired();
                assertThat(seen).anySatisfy(e -> {
                    assertThat(e.change()).isEqualTo(Change.EXPIRED);
                    assertThat(e.locks()).extracting(FileLock::path).containsExactly(abs("fleeting.txt"));
                });
            });
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void holdsTellsWhetherARunHoldsALockCoveringAFile() {
        lock(a, "checkout::gen", "README.md");

        assertThat(registry.holds(a.runId(), workDir.resolve("gen/deep/x.java"))).isTrue();
        assertThat(registry.holds(a.runId(), Path.of(abs("README.md")))).isTrue();
        assertThat(registry.holds(b.runId(), workDir.resolve("gen/deep/x.java"))).isFalse();
        assertThat(registry.holds(a.runId(), workDir.resolve("other.md"))).isFalse();
    }
}

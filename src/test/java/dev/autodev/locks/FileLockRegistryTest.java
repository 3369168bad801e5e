package dev.autodev.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autodev.agents.AgentIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Taking, refreshing, waiting for and releasing locks, against the real registry and database. */
class FileLockRegistryTest extends LockTestBase {

    @Test
    void lockingIsAllOrNothing() {
        assertThat(lock(b, "two.txt")).isInstanceOf(LockResult.Acquired.class);

        LockResult result = lock(a, "one.txt", "two.txt");

        assertThat(result).isInstanceOfSatisfying(LockResult.TimedOut.class, timedOut ->
                assertThat(timedOut.heldBy()).extracting(FileLock::runId).containsExactly(b.runId()));
        assertThat(pathsHeldBy(a)).isEmpty();
        registry.release(b, List.of("two.txt"));
        assertThat(lock(a, "one.txt", "two.txt")).isInstanceOf(LockResult.Acquired.class);
        assertThat(pathsHeldBy(a)).containsExactlyInAnyOrder(abs("one.txt"), abs("two.txt"));
    }

    @Test
    void lockingAFileYouHoldAgainRefreshesItsTtl() {
        var first = (LockResult.Acquired) registry.acquire(a, List.of("f.txt"), "first", Duration.ofMinutes(1), NO_WAIT);

        var second = (LockResult.Acquired) registry.acquire(a, List.of(abs("f.txt")), "second", Duration.ofMinutes(5), NO_WAIT);

        FileLock before = first.locks().getFirst();
        FileLock after = second.locks().getFirst();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.expiresAt()).isAfter(before.expiresAt());
        assertThat(after.reason()).isEqualTo("second");
        assertThat(registry.list()).filteredOn(l -> l.runId().equals(a.runId())).hasSize(1);
        assertThat(db.read().sql("SELECT expires_at FROM file_locks WHERE id = ?").param(after.id()).query(Long.class).single())
                .isEqualTo(after.expiresAt().toEpochMilli());
    }

    @Test
    void secondAgentBlocksUntilLockIsReleasedAndWakesPromptly() throws Exception {
        lock(a, "shared.txt");
        CompletableFuture<LockResult> waiting = lockInBackground(b, Duration.ofSeconds(20), "shared.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.isWaiting(b.runId()));
        assertThat(waiting).isNotDone();

        registry.release(a, List.of("shared.txt"));
        // Woken by the release, well inside its 20 s wait (the bench measures how promptly).
        LockResult result = waiting.get(15, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(LockResult.Acquired.class);
        assertThat(pathsHeldBy(b)).containsExactly(abs("shared.txt"));
    }

    @Test
    void waitingEndsWithTimedOutAndWhoHoldsWhat() {
        registry.acquire(a, List.of("busy.txt"), "refactoring", null, NO_WAIT);

        long started = System.nanoTime();
        LockResult result = registry.acquire(b, List.of("busy.txt"), "test", null, Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(result).isInstanceOfSatisfying(LockResult.TimedOut.class, timedOut -> {
            assertThat(timedOut.heldBy()).singleElement().satisfies(lock -> {
                assertThat(lock.path()).isEqualTo(abs("busy.txt"));
                assertThat(lock.runId()).isEqualTo(a.runId());
                assertThat(lock.reason()).isEqualTo("refactoring");
            });
            assertThat(timedOut.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        });
    }

    @Test
    void oppositeOrderContentionGivesDeadlockDetectedInsteadOfHanging() throws Exception {
        lock(a, "x.txt");
        lock(b, "y.txt");
        CompletableFuture<LockResult> aWaits = lockInBackground(a, Duration.ofSeconds(20), "y.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.isWaiting(a.runId()));

        // A deadlock is answered as such, not by waiting out the 20 s.
        LockResult result = registry.acquire(b, List.of("x.txt"), "test", null, Duration.ofSeconds(20));

        assertThat(result).isInstanceOfSatisfying(LockResult.DeadlockDetected.class, deadlock -> {
            assertThat(deadlock.cycle()).containsExactly(b.runId(), a.runId(), b.runId());
            assertThat(deadlock.heldBy()).extracting(FileLock::path).containsExactly(abs("x.txt"));
        });
        assertThat(pathsHeldBy(b)).containsExactly(abs("y.txt"));

        registry.release(b, List.of());
        assertThat(aWaits.get(5, TimeUnit.SECONDS)).isInstanceOf(LockResult.Acquired.class);
    }

    @Test
    void aLongerCycleIsDetectedToo() throws Exception {
        lock(a, "1.txt");
        lock(b, "2.txt");
        lock(c, "3.txt");
        CompletableFuture<LockResult> aWaits = lockInBackground(a, Duration.ofSeconds(20), "2.txt");
        CompletableFuture<LockResult> bWaits = lockInBackground(b, Duration.ofSeconds(20), "3.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.isWaiting(a.runId()) && registry.isWaiting(b.runId()));

        LockResult result = registry.acquire(c, List.of("1.txt"), "test", null, Duration.ofSeconds(20));

        assertThat(result).isInstanceOfSatisfying(LockResult.DeadlockDetected.class, deadlock ->
                assertThat(deadlock.cycle()).containsExactly(c.runId(), a.runId(), b.runId(), c.runId()));
        registry.release(c, List.of());
        assertThat(bWaits.get(5, TimeUnit.SECONDS)).isInstanceOf(LockResult.Acquired.class);
        registry.release(b, List.of());
        assertThat(aWaits.get(5, TimeUnit.SECONDS)).isInstanceOf(LockResult.Acquired.class);
    }

    @Test
    void checkoutLocksADirectoryAndEverythingBelowIt() {
        assertThat(lock(a, "checkout::src/main")).isInstanceOf(LockResult.Acquired.class);

        assertThat(lock(b, "src/main/java/App.java")).isInstanceOf(LockResult.TimedOut.class);
        assertThat(lock(b, "checkout::src")).isInstanceOf(LockResult.TimedOut.class);
        assertThat(lock(b, "checkout::src/main/java")).isInstanceOf(LockResult.TimedOut.class);
        assertThat(lock(b, "src/test/AppTest.java", "src/mainly.txt")).isInstanceOf(LockResult.Acquired.class);
        assertThat(registry.holds(a.runId(), workDir.resolve("src/main/java/App.java"))).isTrue();
        assertThat(registry.holds(a.runId(), workDir.resolve("src/mainly.txt"))).isFalse();
        assertThat(pathsHeldBy(a)).containsExactly("checkout::" + abs("src/main"));
    }

    @Test
    void aFileLockBelowADirectoryBlocksCheckingOutTheDirectory() {
        lock(a, "lib/util/Strings.java");

        LockResult result = lock(b, "checkout::lib");

        assertThat(result).isInstanceOfSatisfying(LockResult.TimedOut.class, timedOut ->
                assertThat(timedOut.heldBy()).extracting(FileLock::path).containsExactly(abs("lib/util/Strings.java")));
    }

    @Test
    void twoSpellingsOfOneFileAreOneLock() {
        var acquired = (LockResult.Acquired) lock(a, "src/../src/./Main.java");

        assertThat(acquired.locks()).extracting(FileLock::path).containsExactly(abs("src/Main.java"));
        assertThat(lock(b, abs("src/Main.java"))).isInstanceOf(LockResult.TimedOut.class);
        assertThat(lock(b, "./src//Main.java")).isInstanceOf(LockResult.TimedOut.class);
        assertThat(lock(a, "src/Main.java", abs("src/Main.java"))).isInstanceOfSatisfying(LockResult.Acquired.class,
                again -> assertThat(again.locks()).hasSize(1));
    }

    @Test
    void anExpiredLockCountsAsFreeAndIsRemoved() {
        registry.acquire(a, List.of("short.txt"), "brief", Duration.ofMillis(300), NO_WAIT);
        String lockId = registry.list().stream().filter(l -> l.runId().equals(a.runId())).findFirst().orElseThrow().id();

        LockResult result = registry.acquire(b, List.of("short.txt"), "test", null, Duration.ofSeconds(30));

        // Nobody released it: the waiter woke at the expiry time on its own, inside its wait.
        assertThat(result).isInstanceOf(LockResult.Acquired.class);
        assertThat(pathsHeldBy(a)).isEmpty();
        assertThat(db.read().sql("SELECT count(*) FROM file_locks WHERE id = ?").param(lockId).query(Long.class).single()).isZero();
    }

    @Test
    void locksAreStoredWithTheirRunAndExpiry() {
        Instant before = Instant.now().minusSeconds(1);
        registry.acquire(a, List.of("checkout::docs"), "rewriting the docs", Duration.ofMinutes(3), NO_WAIT);

        var row = db.read().sql("SELECT path, is_directory, run_id, job_id, reason, acquired_at, expires_at FROM file_locks WHERE run_id = ?")
                .param(a.runId()).query().singleRow();

        assertThat(row).containsEntry("path", abs("docs")).containsEntry("is_directory", 1)
                .containsEntry("job_id", a.jobId()).containsEntry("reason", "rewriting the docs");
        long acquiredAt = ((Number) row.get("acquired_at")).longValue();
        assertThat(acquiredAt).isGreaterThan(before.toEpochMilli());
        assertThat(((Number) row.get("expires_at")).longValue() - acquiredAt).isEqualTo(Duration.ofMinutes(3).toMillis());
    }

    @Test
    void manyAgentsLockingAndReleasingAtOnceLeaveTheStoredLocksExactlyTheHeldOnes() throws Exception {
        List<AgentIdentity> agents = new ArrayList<>();
        for (int i = 0; i < 16; i++) agents.add(runs.activeRun(workDir));
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < agents.size(); i++) {
                AgentIdentity agent = agents.get(i);
                String own = "own-" + i + ".txt";
                work.add(threads.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        assertThat(lock(agent, own)).isInstanceOf(LockResult.Acquired.class);
                        registry.release(agent, List.of(own));
                    }
                    // Every agent ends holding one lock, taken last, so the stored rows must be exactly these.
                    assertThat(lock(agent, own)).isInstanceOf(LockResult.Acquired.class);
                    return null;
                }));
            }
            for (Future<?> done : work) done.get();
        }

        Set<String> ours = agents.stream().map(AgentIdentity::runId).collect(Collectors.toSet());
        List<String> held = registry.list().stream().filter(l -> ours.contains(l.runId())).map(FileLock::id).toList();
        List<String> stored = db.read().sql("SELECT id, run_id FROM file_locks").query((rs, row) ->
                ours.contains(rs.getString("run_id")) ? rs.getString("id") : null).list().stream()
                .filter(id -> id != null).toList();
        assertThat(held).hasSize(16);
        assertThat(stored).as("the stored rows, with no row a lock no longer stands behind").containsExactlyInAnyOrderElementsOf(held);
    }

    @Test
    void releasingAnotherAgentsLockIsRefusedWithWhoHoldsIt() {
        lock(a, "mine.txt", "checkout::area");
        lock(b, "theirs.txt");

        ReleaseResult result = registry.release(b, List.of("mine.txt", "theirs.txt", "nobody.txt", "area/inner.txt"));

        assertThat(result.released()).extracting(FileLock::path).containsExactly(abs("theirs.txt"));
        assertThat(result.notReleased()).extracting(ReleaseResult.NotReleased::file)
                .containsExactly(abs("mine.txt"), abs("nobody.txt"), abs("area/inner.txt"));
        assertThat(result.notReleased().get(0).reason()).contains("another agent", a.runId());
        assertThat(result.notReleased().get(1).reason()).isEqualTo("not locked");
        assertThat(pathsHeldBy(a)).containsExactlyInAnyOrder(abs("mine.txt"), "checkout::" + abs("area"));
    }

    @Test
    void forceReleaseRemovesAnyonesLock() {
        var acquired = (LockResult.Acquired) lock(a, "stuck.txt");

        assertThat(registry.forceRelease(acquired.locks().getFirst().id())).isPresent();

        assertThat(pathsHeldBy(a)).isEmpty();
        assertThat(registry.forceRelease(acquired.locks().getFirst().id())).isEmpty();
    }

    @Test
    void aRunThatHasEndedCannotTakeLocks() {
        runs.endQuietly(a);

        assertThatThrownBy(() -> lock(a, "late.txt")).isInstanceOf(IllegalStateException.class).hasMessageContaining("not active");
        assertThat(pathsHeldBy(a)).isEmpty();
    }

    @Test
    void releasingAllOfARunAlsoStopsItsWaitingCalls() throws Exception {
        lock(a, "held.txt");
        CompletableFuture<LockResult> bWaits = lockInBackground(b, Duration.ofSeconds(20), "held.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.isWaiting(b.runId()));

        registry.releaseAll(b.runId());

        await().atMost(Duration.ofSeconds(2)).until(bWaits::isDone);
        assertThat(bWaits).isCompletedExceptionally();
        assertThat(pathsHeldBy(b)).isEmpty();
    }
}

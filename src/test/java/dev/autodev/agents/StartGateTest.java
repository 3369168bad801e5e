package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartGateTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final dev.autodev.common.ApiActivity api = new dev.autodev.common.ApiActivity();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void aStartWaitsUntilAnEarlierOneLeaves() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(1, Duration.ofMinutes(10), null), api);
        StartGate.Admission first = gate.enter(timers);

        CompletableFuture<StartGate.Admission> second = CompletableFuture.supplyAsync(enterQuietly(gate));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 1);
        assertThat(second).isNotDone();

        first.leave();
        first.leave(); // leaving twice frees one slot, not two
        assertThat(second.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void theBoundFreesASlotWhoseRunNeverSaidAnything() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(1, Duration.ofMillis(100), null), api);
        gate.enter(timers); // never left

        assertThat(CompletableFuture.supplyAsync(enterQuietly(gate)).get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void thereIsRoomForWorkNobodyWaitsForOnlyWhileFewerRunsStartThanMay() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(2, Duration.ofMinutes(10), null), api);
        assertThat(gate.hasRoom()).isTrue();
        StartGate.Admission first = gate.enter(timers);
        assertThat(gate.hasRoom()).as("one of two starting").isTrue();
        StartGate.Admission second = gate.enter(timers);
        assertThat(gate.hasRoom()).as("two of two starting").isFalse();

        second.leave();
        second.leave();
        assertThat(gate.hasRoom()).isTrue();
        first.leave();
        StartGate unlimited = new StartGate(new StartPaceProperties(-1, Duration.ofMinutes(10), null), api);
        StartGate.Admission any = unlimited.enter(timers);
        assertThat(unlimited.hasRoom()).as("without a limit: room only while none starts").isFalse();
        any.leave();
        assertThat(unlimited.hasRoom()).isTrue();
    }

    @Test
    void aNegativeLimitAdmitsEveryone() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(-1, null, null), api);
        for (int i = 0; i < 100; i++) gate.enter(timers);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void whatFollowsTheStartRunsOnceWhenItIsLeftOrAtOnceIfItWasAlready() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(1, Duration.ofMinutes(10), null), api);
        StartGate.Admission admission = gate.enter(timers);
        java.util.concurrent.atomic.AtomicInteger lowered = new java.util.concurrent.atomic.AtomicInteger();
        admission.afterStart(lowered::incrementAndGet);
        assertThat(lowered).hasValue(0);

        admission.leave();
        admission.leave();
        assertThat(lowered).hasValue(1);

        admission.afterStart(lowered::incrementAndGet);
        assertThat(lowered).hasValue(2);
    }

    @Test
    void withoutALimitTheStartStillEndsAtTheBound() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(-1, Duration.ofMillis(100), null), api);
        CompletableFuture<Void> over = new CompletableFuture<>();
        gate.enter(timers).afterStart(() -> over.complete(null)); // never left by its run

        over.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aStartLetsTheApiRequestsInFlightBeAnsweredFirst() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(1, Duration.ofMinutes(10), Duration.ofMinutes(10)), api);
        api.requestStarted();

        CompletableFuture<StartGate.Admission> start = CompletableFuture.supplyAsync(enterQuietly(gate));
        Thread.sleep(200);
        assertThat(start).as("a request is still being answered").isNotDone();

        api.requestEnded();
        assertThat(start.get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aStartWaitsForTheApiOnlyForAMoment() throws Exception {
        StartGate gate = new StartGate(new StartPaceProperties(1, Duration.ofMinutes(10), Duration.ofMillis(100)), api);
        api.requestStarted(); // a request that takes long

        assertThat(CompletableFuture.supplyAsync(enterQuietly(gate)).get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void zeroMeansOneStartPerProcessor() {
        assertThat(new StartPaceProperties(0, null, null).maxStarting()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private java.util.function.Supplier<StartGate.Admission> enterQuietly(StartGate gate) {
        return () -> {
            try {
                return gate.enter(timers);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}

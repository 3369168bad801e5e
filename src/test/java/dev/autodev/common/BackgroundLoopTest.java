package dev.autodev.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The one loop the engines share: signals coalesce, a failing pass does not stop it, it stops and starts again. */
class BackgroundLoopTest {

    private final AtomicInteger passes = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private BackgroundLoop loop;

    @AfterEach
    void stop() {
        release.countDown();
        if (loop != null) loop.stop();
    }

    @Test
    void startingRunsAFirstPassAndSignalsDuringAPassCoalesceIntoOneMore() throws Exception {
        CountDownLatch firstPassInside = new CountDownLatch(1);
        loop = loop(() -> {
            if (passes.incrementAndGet() == 1) {
                firstPassInside.countDown();
                waitFor(release);
            }
        });

        loop.start();
        assertThat(firstPassInside.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) loop.signal();
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
        // Nothing more was asked for, so the loop is idle: a further signal makes exactly one more pass.
        loop.signal();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 3);
    }

    @Test
    void aPassThatThrowsIsLoggedAndTheNextSignalRunsAgain() {
        loop = loop(() -> {
            if (passes.incrementAndGet() == 1) throw new IllegalStateException("first pass fails on purpose");
        });

        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1);
        loop.signal();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void aStoppedLoopCanBeStartedAgain() {
        loop = loop(passes::incrementAndGet);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1);

        loop.stop();
        assertThat(loop.isRunning()).isFalse();
        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
        assertThat(loop.isRunning()).isTrue();
    }

    private static BackgroundLoop loop(Runnable pass) {
        return new BackgroundLoop("test-loop", LoggerFactory.getLogger(BackgroundLoopTest.class), "test pass failed", pass);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

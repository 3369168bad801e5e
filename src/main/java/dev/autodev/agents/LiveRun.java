package dev.autodev.agents;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** A run this server is supervising right now: how to reach its process, and whether someone asked it to stop. */
final class LiveRun {

    final LaunchPlan plan;
    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean endClaimed = new AtomicBoolean();
    private volatile ProcessHandle process;
    private volatile String finishResult;
    private volatile String stopMessage;

    LiveRun(LaunchPlan plan) {
        this.plan = plan;
    }

    /** Records the first reason to stop; later ones do not replace it. Returns false if already stopping. */
    boolean requestStop(StopReason reason) {
        return requestStop(reason, null);
    }

    /** The same, with the error message the run's outcome will carry, when the reason alone does not say enough. */
    boolean requestStop(StopReason reason, String message) {
        if (!stopReason.compareAndSet(null, reason)) return false;
        stopMessage = message;
        return true;
    }

    String stopMessage() {
        return stopMessage;
    }

    void finishWith(String result) {
        this.finishResult = result;
    }

    String finishResult() {
        return finishResult;
    }

    StopReason stopReason() {
        return stopReason.get();
    }

    void attach(ProcessHandle handle) {
        this.process = handle;
    }

    ProcessHandle process() {
        return process;
    }

    /** True for the first caller only: a run's end is reported once, by finish_job or by the process's exit. */
    boolean claimEnd() {
        return endClaimed.compareAndSet(false, true);
    }

    void markEnded() {
        ended.countDown();
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }
}

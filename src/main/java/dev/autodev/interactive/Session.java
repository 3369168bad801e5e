package dev.autodev.interactive;

import dev.autodev.agents.LaunchPlan;
import dev.autodev.agents.StopReason;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** An interactive run this server watches: its tmux session, transcript, and whether someone asked it to stop. */
final class Session {

    final LaunchPlan plan;
    final String name;
    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Semaphore wake = new Semaphore(0);
    private volatile Long pid;
    private volatile dev.autodev.agents.InteractiveTranscript transcriptSource;
    private volatile Path transcript;
    private volatile String finishResult;
    private volatile dev.autodev.agents.StartGate.Admission startSlot;

    Session(LaunchPlan plan) {
        this.plan = plan;
        this.name = Tmux.sessionName(plan.runId());
    }

    boolean requestStop(StopReason reason) {
        boolean first = stopReason.compareAndSet(null, reason);
        wake();
        return first;
    }

    StopReason stopReason() {
        return stopReason.get();
    }

    void finishWith(String result) {
        finishResult = result;
    }

    String finishResult() {
        return finishResult;
    }

    void pid(Long value) {
        pid = value;
    }

    Long pid() {
        return pid;
    }

    void transcriptSource(dev.autodev.agents.InteractiveTranscript source) {
        transcriptSource = source;
    }

    /** Where the CLI writes its transcript, and how to find it; null when it keeps none that is read. */
    dev.autodev.agents.InteractiveTranscript transcriptSource() {
        return transcriptSource;
    }

    /** The transcript file, as the CLI's hook named it; only a file below the transcript's root is believed. */
    void transcript(Path file) {
        Path root = transcriptSource == null ? null : transcriptSource.root();
        if (root != null && file.normalize().startsWith(root) && file.toString().endsWith(".jsonl")) transcript = file.normalize();
    }

    Path transcript() {
        return transcript;
    }

    /** Makes the watch loop look again now (a hook arrived, a stop was asked) instead of at its next poll. */
    void wake() {
        wake.release();
    }

    void pause(long millis) throws InterruptedException {
        if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) wake.drainPermits();
    }

    /** The start slot the session holds while its CLI starts up (see {@code StartGate}). */
    void holdStartSlot(dev.autodev.agents.StartGate.Admission admission) {
        startSlot = admission;
    }

    /** The CLI is past its start-up (it wrote its transcript, or a hook called): the next agent may start. */
    void leaveStartSlot() {
        dev.autodev.agents.StartGate.Admission admission = startSlot;
        if (admission != null) admission.leave();
    }

    void markEnded() {
        leaveStartSlot();
        ended.countDown();
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }
}

package dev.autodev.common;

import java.util.concurrent.Semaphore;
import org.slf4j.Logger;

/**
 * One background thread that runs a pass whenever it is asked to. Asking is cheap and safe from any thread; the
 * requests that pile up while a pass runs coalesce into one more pass. A pass that throws is logged and the loop
 * waits for the next request, so one bad pass never stops it. The engines (the queue's dispatcher, workflows,
 * debates) each own one, ask for a pass on the events that may give them work, and back those up with a sweep.
 *
 * <p>It can be started again after {@link #stop()}, as Spring does with the lifecycle of a paused test context.
 */
public final class BackgroundLoop {

    private final String threadName;
    private final Logger log;
    private final String failureMessage;
    private final Runnable pass;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;

    /**
     * @param threadName     the thread's name, as thread dumps show it
     * @param log            the owner's logger, so a failed pass is logged under the owner's name
     * @param failureMessage what the log says when a pass throws
     * @param pass           one pass; it runs only on the loop's thread, never two at once
     */
    public BackgroundLoop(String threadName, Logger log, String failureMessage, Runnable pass) {
        this.threadName = threadName;
        this.log = log;
        this.failureMessage = failureMessage;
        this.pass = pass;
    }

    /** Asks for a pass. Many calls before the pass starts make one pass. */
    public void signal() {
        wake.release();
    }

    /** Starts the thread and asks for a first pass, which picks up whatever waited while nothing ran. */
    public void start() {
        thread = Thread.ofPlatform().daemon().name(threadName).start(this::run);
        signal();
    }

    /** Interrupts the thread: it ends once the pass in progress, if any, is over. */
    public void stop() {
        Thread running = thread;
        if (running != null) running.interrupt();
        thread = null;
    }

    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wake.acquire();
                wake.drainPermits();
                pass.run();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.error(failureMessage, e);
            }
        }
    }
}

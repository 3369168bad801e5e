package dev.autodev.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/** The JVM's just-in-time compiler as the bench sees it: how long it has spent, and waiting for it to go quiet. */
final class Jit {

    private Jit() {}

    /** Elapsed time the compiler threads have spent so far (0 where the JVM does not say). */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * Lets the compiler threads catch up. Under load they share 2 cores with 32 clients and the server, so the queue
     * of methods to compile drains slowly; idle, it empties in a few seconds. Waits until a quarter second passes
     * without compiling, at most 20 s.
     */
    static void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long last = compileMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = compileMillis();
            if (now == last) return;
            last = now;
        }
    }
}

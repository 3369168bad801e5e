package dev.autodev.bench;

/** Reads a process's resident memory every 100 ms on a thread of its own and keeps the peak. */
final class RssSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;

    private final long pid;
    private final Thread thread;
    private volatile double peakMiB = Double.NaN;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("bench-rss").start(this::sample);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            double rss = ProcFs.rssMiB(pid);
            if (!Double.isNaN(rss) && (Double.isNaN(peakMiB) || rss > peakMiB)) peakMiB = rss;
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double peakMiB() {
        return peakMiB;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}

package dev.autodev.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How soon an agent blocked in {@code watch_notes} hears of a write it waits for: one client waits on a fresh key,
 * another writes it, and the latency is from the writer's request start to the watcher's answer being in. Both are
 * client-side {@link System#nanoTime} readings in this JVM, so they share one clock.
 */
final class WatchLatency {

    static final double TARGET_P99_MILLIS = 20;
    private static final int WARM_UP = 10;
    /** Long enough for the watch request to be parked in the server before the write goes out. */
    private static final long SETTLE_MILLIS = 50;

    private WatchLatency() {}

    static void run(BenchApp app, Report report, ActiveRuns runs, int rounds) throws Exception {
        McpHttp watcher = new McpHttp(app.baseUrl(), runs.token(0));
        McpHttp writer = new McpHttp(app.baseUrl(), runs.token(1));
        watcher.initialize();
        writer.initialize();
        List<Double> wakeUp = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            for (int round = -WARM_UP; round < rounds; round++) {
                String key = "bench/watch/" + UUID.randomUUID();
                Future<McpHttp.Call> watch = thread.submit(() -> watcher.callTool("watch_notes",
                        Map.of("keys", List.of(key), "timeout_ms", 30_000)));
                Thread.sleep(SETTLE_MILLIS);
                if (watch.isDone()) throw new IllegalStateException("watch_notes returned before the write: " + watch.get());
                McpHttp.Call write = writer.callTool("write_note", Map.of("key", key, "value", "ready"));
                McpHttp.Call woke = watch.get();
                if (woke.payload().path("timedOut").asBoolean(false)) {
                    throw new IllegalStateException("watch_notes timed out instead of waking: " + woke.payload());
                }
                if (round < 0) continue;
                wakeUp.add((woke.endNanos() - write.startNanos()) / 1e6);
                writes.add(write.millis());
            }
        }
        Percentiles latency = Percentiles.of(wakeUp);
        report.figure(String.format(Locale.ROOT,
                        "watch_notes wake-up (writer's write_note sent -> watcher's answer in) over %d rounds: %s",
                        rounds, latency.summary()),
                "p99 < 20 ms", latency.p99() < TARGET_P99_MILLIS);
        report.note("the write_note itself in those rounds: %s; watcher parked %d ms before each write; %d warm-up"
                + " rounds; watcher and writer are separate runs' clients", Percentiles.of(writes).summary(),
                SETTLE_MILLIS, WARM_UP);
    }
}

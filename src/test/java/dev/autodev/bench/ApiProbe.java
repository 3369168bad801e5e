package dev.autodev.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a dashboard does while agents run: asks for the job list and the health summary over and over. Runs on its
 * own thread at a fixed cadence and keeps every response time, so the burst's effect on the API shows in its tail.
 */
final class ApiProbe implements AutoCloseable {

    static final List<String> PATHS = List.of("/api/jobs?size=50", "/api/health");

    private final BenchHttp http;
    private final long intervalMillis;
    private final Map<String, List<Double>> millis = new LinkedHashMap<>(); // guarded by itself
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    ApiProbe(BenchHttp http, long intervalMillis) {
        this.http = http;
        this.intervalMillis = intervalMillis;
        PATHS.forEach(path -> millis.put(path, new ArrayList<>()));
        this.thread = Thread.ofPlatform().daemon().name("bench-api-probe").start(this::loop);
    }

    private void loop() {
        while (running) {
            for (String path : PATHS) {
                try {
                    BenchHttp.Reply reply = http.get(path);
                    if (reply.status() != 200) errors.incrementAndGet();
                    synchronized (millis) {
                        millis.get(path).add(reply.millis());
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops probing and waits for the request in flight, so the figures are final. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** Response times of one path, in milliseconds. */
    List<Double> millis(String path) {
        synchronized (millis) {
            return List.copyOf(millis.get(path));
        }
    }

    /** Response times of every path together. */
    List<Double> allMillis() {
        synchronized (millis) {
            return millis.values().stream().flatMap(List::stream).toList();
        }
    }

    int errors() {
        return errors.get();
    }
}

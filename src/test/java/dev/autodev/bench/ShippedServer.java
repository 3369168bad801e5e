package dev.autodev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged server as its own process, started by {@link ServerLauncher} from a fresh empty directory with only a
 * user's environment, timed from just before the start to the first answer of {@code GET /api/health}.
 */
final class ShippedServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final long HEALTH_POLL_MILLIS = 20;

    private final Path home;
    private final Process process;
    private final BenchHttp http;
    private final double startMillis;
    private final double startCpuSeconds;
    private final ProcessHandle java;
    private final long healthyAtNanos = System.nanoTime();

    private ShippedServer(Path home, Process process, BenchHttp http, double startMillis, double startCpuSeconds,
            ProcessHandle java) {
        this.home = home;
        this.process = process;
        this.http = http;
        this.startMillis = startMillis;
        this.startCpuSeconds = startCpuSeconds;
        this.java = java;
    }

    /** Starts the server in a new empty directory under {@code root}; returns once it answers its health check. */
    static ShippedServer start(Path jar, Path root, Map<String, String> userEnv) throws IOException, InterruptedException {
        Path home = Files.createDirectories(root.resolve("server-" + System.nanoTime()));
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(ServerLauncher.command(jar)).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        // Only what a user has: nothing of the bench's own environment that could configure the server.
        env.keySet().removeIf(key -> key.startsWith("AUTODEV") || key.startsWith("SPRING"));
        env.putAll(userEnv);
        env.putAll(ServerLauncher.environment(jar));
        env.put("PORT", Integer.toString(port));
        BenchHttp http = new BenchHttp("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        Process process = builder.start();
        while (!healthy(http)) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited at start; see " + home.resolve("server.log"));
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not answer /api/health in " + START_TIMEOUT);
            }
            Thread.sleep(HEALTH_POLL_MILLIS);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        double cpu = ProcFs.treeCpuSeconds(process.toHandle());
        return new ShippedServer(home, process, http, millis, cpu, javaOf(process.toHandle()));
    }

    private static boolean healthy(BenchHttp http) {
        try {
            return http.get("/api/health").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The JVM that serves: the started process itself, or the newest live java under a launcher script. */
    private static ProcessHandle javaOf(ProcessHandle root) {
        try (Stream<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants())) {
            return tree.filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.EPOCH)))
                    .orElse(root);
        }
    }

    BenchHttp http() {
        return http;
    }

    Path home() {
        return home;
    }

    /** Wall time from just before the process started to the first healthy answer. */
    double startMillis() {
        return startMillis;
    }

    /** CPU the server's process tree had used by the time it first answered healthy. */
    double startCpuSeconds() {
        return startCpuSeconds;
    }

    /** {@link System#nanoTime()} when it first answered healthy. */
    long healthyAtNanos() {
        return healthyAtNanos;
    }

    long javaPid() {
        return java.pid();
    }

    double rssMiB() {
        return ProcFs.rssMiB(java.pid());
    }

    /**
     * Cancels what is still active (agents outlive a server by design, and the bench must leave none behind), then
     * stops the JVM and its launcher. The directory stays (the section removes its whole temp tree at the end).
     */
    @Override
    public void close() throws InterruptedException {
        try {
            for (String status : List.of("running", "queued")) {
                var jobs = http.get("/api/jobs?size=200&status=" + status).body();
                if (jobs != null) jobs.get("items").forEach(job -> http.post("/api/jobs/" + job.get("id").asString() + "/cancel", Map.of()));
            }
        } catch (RuntimeException e) {
            // A server that no longer answers has no agents to cancel through it.
        }
        for (ProcessHandle handle : List.of(java, process.toHandle())) {
            handle.destroy();
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

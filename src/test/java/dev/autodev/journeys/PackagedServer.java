package dev.autodev.journeys;

import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a user starts it: {@code scripts/autodev} on the packaged jar, as its own process, in a directory of its
 * own that starts empty, with no settings but the ones a user of this machine would have in their environment (the
 * port, where the agent CLIs are, and where the model is). Everything else is the default: {@code data/} relative to
 * that directory, the bundled lock hook, the CLIs' own retry behaviour.
 */
final class PackagedServer implements AutoCloseable {

    private final Path home;
    private final Map<String, String> env;
    private final int port;
    private Process process;

    private PackagedServer(Path home, Map<String, String> env, int port) {
        this.home = home;
        this.env = env;
        this.port = port;
    }

    /** Starts a server in a fresh empty directory under {@code root}; {@code env} is the user's environment. */
    static PackagedServer start(Path root, Map<String, String> env) {
        try {
            Path home = Files.createDirectories(root.resolve("server-" + System.nanoTime()));
            PackagedServer server = new PackagedServer(home, env, freePort());
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar {@code mvn package} made; journeys run after packaging (failsafe, in verify). */
    static Path jar() {
        try (var files = Files.list(Path.of(System.getProperty("user.dir"), "target"))) {
            return files.filter(f -> f.getFileName().toString().matches("autodev-.*\\.jar")
                            && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/: journeys run after mvn package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void launch() {
        // The launcher a user starts it with, so its JVM options and start-up cache are what the journeys run on.
        Path launcher = Path.of(System.getProperty("user.dir"), "scripts", "autodev");
        ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString())).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        Map<String, String> environment = builder.environment();
        // Only what a user has: nothing of the build's own environment that could configure the server.
        environment.keySet().removeIf(key -> key.startsWith("AUTODEV") || key.startsWith("SPRING"));
        environment.putAll(env);
        environment.put("PORT", String.valueOf(port));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("AUTODEV_JAR", jar().toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) throw new AssertionError("the server exited at start:\n" + log());
            try {
                return api().get("/api/health").status() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
    }

    /** The server dies at once, as on a crash or a power cut: no shutdown hook runs. Its agents live on. */
    void kill9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the server again in the same directory, after {@link #kill9()}. */
    void restart() {
        launch();
    }

    Api api() {
        return new Api(baseUrl());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    String log() {
        try {
            return Files.readString(home.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stops the server. Agents outlive a server by design, so the jobs still active are cancelled first: a journey
     * leaves no agent behind.
     */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        try {
            for (String status : List.of("running", "queued")) {
                var jobs = api().get("/api/jobs?size=200&status=" + status).body();
                if (jobs != null) jobs.get("items").forEach(job -> api().post("/api/jobs/" + job.get("id").asString() + "/cancel", null));
            }
        } catch (RuntimeException e) {
            // A server that no longer answers has no agents to cancel through it.
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}

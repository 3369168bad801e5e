package dev.autodev.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user who gives the launcher JVM options of their own still gets a server: with {@code -Xmn12m} the JDK records a
 * start-up cache that it then refuses to load ("archived heap objects cannot be loaded"), which used to stop every
 * start at once. The launcher now sets such a cache aside once, says so, and starts without it, now and later.
 */
class LauncherJourneyIT extends FreshServerJourney {

    private static final String SET_ASIDE = "the JVM cannot load the start-up cache with these options";
    private static final String RECORDING = "recording the start-up cache";

    @Test
    void optionsThatMakeTheCacheUnusableStillStartTheServerAndTheCacheIsNotRecordedAgain() throws Exception {
        // A property no one reads makes the options, and so the cache's folder, this test's own: it starts from none.
        String options = "-Xmn12m -Dautodev.launcher-journey=" + System.nanoTime();
        Map<String, String> env = PackagedServer.merged(machine.userEnvironment(), Map.of("AUTODEV_JAVA_OPTS", options));

        server = PackagedServer.start(machine.root, env);
        assertThat(server.api().get("/api/health").status()).isEqualTo(200);
        assertThat(server.log()).contains(RECORDING).contains(SET_ASIDE);

        server.close();
        int logBefore = server.log().length();
        server.restart();

        assertThat(server.api().get("/api/health").status()).isEqualTo(200);
        String secondStart = server.log().substring(logBefore);
        assertThat(secondStart).as("the second start neither records nor checks a cache again")
                .doesNotContain(RECORDING).doesNotContain(SET_ASIDE);
    }

    /** The caches set aside by this test (an unpacked jar and a cache each, about 120 MB) go with it. */
    @AfterEach
    void removeSetAsideCaches() throws IOException, InterruptedException {
        if (server != null) server.close();
        Path launches = Path.of(System.getProperty("user.dir"), "target", "launch");
        if (!Files.isDirectory(launches)) return;
        try (Stream<Path> folders = Files.list(launches)) {
            for (Path folder : folders.filter(f -> Files.exists(f.resolve("autodev.aot.unusable"))).toList()) {
                try (Stream<Path> inside = Files.walk(folder)) {
                    for (Path file : inside.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
                }
            }
        }
    }
}

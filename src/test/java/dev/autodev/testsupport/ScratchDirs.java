package dev.autodev.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders for tests (databases, agent logs, a journey's machine). Each is marked with the test JVM that
 * made it; making one also removes the folders of the same kind that earlier test JVMs left behind once those have
 * exited, so running the suite again and again does not fill the temp dir. A folder of a JVM still running (a
 * parallel fork, a run that is being looked into) is never touched.
 */
public final class ScratchDirs {

    private static final String OWNER_FILE = ".owner-pid";
    private static final Set<String> SWEPT = ConcurrentHashMap.newKeySet();

    private ScratchDirs() {}

    /** A new folder in the temp dir named {@code prefix...}, after clearing away stale ones of that prefix. */
    public static Path create(String prefix) {
        try {
            if (SWEPT.add(prefix)) removeStale(prefix);
            Path dir = Files.createTempDirectory(prefix);
            Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a folder this JVM made and no longer needs. */
    public static void remove(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Already gone, or going: a later sweep takes what is left.
        }
    }

    private static void removeStale(String prefix) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temp, prefix + "*")) {
            for (Path dir : dirs) {
                if (ownerExited(dir)) remove(dir);
            }
        }
    }

    /** True only for a folder marked by a JVM that is no longer running; unmarked folders are not ours to judge. */
    private static boolean ownerExited(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}

package dev.autodev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the bench starts the packaged server, the way a user does. {@code -Dbench.serverLauncher=jar} runs
 * {@code java -jar} on the jar; {@code -Dbench.serverJavaOpts="..."} adds JVM options to it (with the launcher script
 * they go to its {@code AUTODEV_JAVA_OPTS}).
 */
final class ServerLauncher {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir"));

    private ServerLauncher() {}

    /** The jar {@code mvn package} left in target/, if any. */
    static Optional<Path> jar() {
        Path target = REPOSITORY.resolve("target");
        if (!Files.isDirectory(target)) return Optional.empty();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("autodev-.*\\.jar")
                            && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which launcher, for the report. */
    static String describe(Path jar) {
        return String.join(" ", command(jar)) + extraOptions().map(o -> " (JVM options " + o + ")").orElse("");
    }

    /** The command that starts the server; it runs in the server's own (empty) directory. */
    static List<String> command(Path jar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        extraOptions().ifPresent(o -> command.addAll(Arrays.asList(o.strip().split("\\s+"))));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** Variables the launcher reads, added to the user's environment (none for plain java -jar). */
    static java.util.Map<String, String> environment() {
        return java.util.Map.of();
    }

    private static Optional<String> extraOptions() {
        return Optional.ofNullable(System.getProperty("bench.serverJavaOpts")).filter(o -> !o.isBlank());
    }
}

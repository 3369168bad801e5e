package dev.autodev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the bench starts the packaged server. By default as a user does, with {@code scripts/autodev} (its JVM
 * options and its AOT cache, recorded on the first start of a new jar), told to start exactly the jar the bench
 * found ({@code AUTODEV_JAR}) so that it never rebuilds one mid-bench. {@code -Dbench.serverLauncher=jar} runs plain
 * {@code java -jar} instead, for comparison. {@code -Dbench.serverJavaOpts="..."} adds JVM options (the launcher's
 * {@code AUTODEV_JAVA_OPTS}); {@code -Dbench.serverAot=off} starts the launcher without its cache.
 */
final class ServerLauncher {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir"));
    private static final Path SCRIPT = REPOSITORY.resolve("scripts").resolve("autodev");

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
        String variables = environment(jar).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
        return (variables.isEmpty() ? "" : variables + " ") + String.join(" ", command(jar));
    }

    /** The command that starts the server; it runs in the server's own (empty) directory. */
    static List<String> command(Path jar) {
        if (useScript()) return List.of(SCRIPT.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        extraOptions().ifPresent(o -> command.addAll(Arrays.asList(o.strip().split("\\s+"))));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** Variables for the launcher script, added to the user's environment (none for plain java -jar). */
    static Map<String, String> environment(Path jar) {
        Map<String, String> env = new HashMap<>();
        if (!useScript()) return env;
        env.put("AUTODEV_JAR", jar.toString());
        extraOptions().ifPresent(o -> env.put("AUTODEV_JAVA_OPTS", o));
        String aot = System.getProperty("bench.serverAot");
        if (aot != null) env.put("AUTODEV_AOT", aot);
        return env;
    }

    private static boolean useScript() {
        String launcher = System.getProperty("bench.serverLauncher", "autodev").toLowerCase(Locale.ROOT);
        return switch (launcher) {
            case "autodev", "script" -> true;
            case "jar", "java" -> false;
            default -> throw new IllegalArgumentException("bench.serverLauncher: autodev or jar, not " + launcher);
        };
    }

    private static Optional<String> extraOptions() {
        return Optional.ofNullable(System.getProperty("bench.serverJavaOpts")).filter(o -> !o.isBlank());
    }
}

package dev.autodev.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/autodev} in a checkout that has never been built, as in a fresh clone: it must set out to build the
 * jar (here a stand-in {@code mvnw} that records its arguments and fails) and say so, rather than stop silently, and
 * a build that makes no jar is reported as such. Starting a real jar through it is what every journey does.
 */
class LauncherScriptTest {

    @TempDir
    Path checkout;

    @Test
    void aCheckoutWithoutAJarIsBuiltFirst() throws Exception {
        copyScripts();
        Path calls = checkout.resolve("mvnw-calls");
        executable(checkout.resolve("mvnw"), "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexit 0\n");

        Result result = launch();

        assertThat(result.stderr()).contains("autodev: building the server").contains("the build made no jar");
        assertThat(result.exitCode()).isNotZero();
        assertThat(Files.readString(calls)).contains("package").contains("-DskipTests");
    }

    @Test
    void aFailedBuildStopsTheLauncherWithTheBuildsStatus() throws Exception {
        copyScripts();
        executable(checkout.resolve("mvnw"), "#!/bin/sh\necho 'compilation failed' >&2\nexit 3\n");

        Result result = launch();

        assertThat(result.stderr()).contains("autodev: building the server").contains("compilation failed");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    private void copyScripts() throws IOException {
        Path scripts = Files.createDirectories(checkout.resolve("scripts/lib"));
        for (String name : new String[] {"scripts/autodev", "scripts/jvm.options", "scripts/lib/jdk25.sh"}) {
            Files.copy(Path.of(name), checkout.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        assertThat(scripts).isDirectory();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String stderr) {}

    private Result launch() throws Exception {
        Path stderr = checkout.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(checkout.resolve("scripts/autodev").toString())
                .directory(checkout.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("AUTODEV_JAR");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new Result(process.exitValue(), Files.readString(stderr));
    }
}

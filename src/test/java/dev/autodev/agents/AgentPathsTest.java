package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents run in other directories than the server, so every path the server hands them is absolute. */
class AgentPathsTest {

    @TempDir
    Path temp;

    @Test
    void aRelativeLogDirIsResolvedAgainstTheServersDirectoryAtStart() {
        AgentProperties defaults = properties(null, null);

        assertThat(defaults.logDir()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath().resolve("data/agent-logs"));
        assertThat(properties(Path.of("logs/../runs"), null).logDir()).isEqualTo(Path.of("").toAbsolutePath().resolve("runs"));
    }

    @Test
    void theBundledHookIsInstalledBesideTheLogDirWithAnAbsolutePath() {
        Path hook = new LockHookInstaller(properties(temp.resolve("data/agent-logs"), null)).hook();

        assertThat(hook).isAbsolute().isEqualTo(temp.resolve("data/hooks/check-lock-hook"));
        assertThat(Files.isExecutable(hook)).isTrue();
    }

    @Test
    void lockHookNamesAnotherScriptWhichMustBeExecutable() throws Exception {
        Path script = Files.writeString(temp.resolve("my-hook"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(new LockHookInstaller(properties(temp, script)).hook()).isEqualTo(script);
        assertThatThrownBy(() -> new LockHookInstaller(properties(temp, temp.resolve("missing"))).hook())
                .hasMessageContaining("LOCK_HOOK").hasMessageContaining("not an executable file");
    }

    @Test
    void aBlankLockHookMeansTheBundledOne() {
        assertThat(properties(temp, Path.of("")).lockHook()).isNull();
    }

    private static AgentProperties properties(Path logDir, Path lockHook) {
        return new AgentProperties(null, logDir, null, 0, Map.of(), null, lockHook, false, null, null, null, List.of());
    }
}

package dev.autodev.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.LaunchCommand;
import dev.autodev.agents.LaunchPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting a session is retried with back-off, then fails saying why; it never leaves the run half-started. */
class SessionSpawnerTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void aSpawnThatKeepsFailingIsTriedAgainThenReportsTheReason() throws Exception {
        Path calls = dir.resolve("calls");
        // A tmux that always fails, counting its new-session calls.
        Path tmux = dir.resolve("tmux");
        Files.writeString(tmux, "#!/bin/sh\ncase \"$*\" in *new-session*) echo x >> '" + calls + "'; echo 'create window failed: fork failed: Resource temporarily unavailable' >&2; exit 1;; esac\nexit 1\n");
        tmux.toFile().setExecutable(true);
        InteractiveProperties properties = new InteractiveProperties(tmux.toString(), dir.resolve("tmux.sock"), null, null,
                null, null, null, 3, Duration.ofMillis(5), null, null);
        SessionSpawner spawner = new SessionSpawner(new Tmux(properties), properties, agentProperties(dir), Clock.systemUTC());
        Session session = new Session(new LaunchPlan("run-x", "job-x", "claude-sonnet-4-6", dir, "hi", null, null, null,
                "s", null, "token"));

        SessionSpawner.Spawned spawned = spawner.spawn(session, new LaunchCommand(List.of("claude"), Map.of(), dir),
                dir.resolve("run-x.env"));

        assertThat(spawned.pid()).isNull();
        assertThat(spawned.failure()).startsWith("could not start the terminal session after 3 attempts")
                .contains("fork failed: Resource temporarily unavailable");
        assertThat(Files.readAllLines(calls)).hasSize(3);
    }

    private static AgentProperties agentProperties(Path dir) {
        return new AgentProperties(null, dir.resolve("logs"), null, 0, null, null, null, false, 0, null, null, null);
    }
}

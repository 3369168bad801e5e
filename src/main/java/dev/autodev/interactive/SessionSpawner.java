package dev.autodev.interactive;

import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.LaunchCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a session's tmux session, trying again with a jittered, doubling back-off when tmux or the machine refuses
 * (no PTY left, a tmux server restarting). After the last attempt the reason is returned, so the run fails saying
 * why instead of staying {@code starting}.
 */
@Component
class SessionSpawner {

    private static final Logger log = LoggerFactory.getLogger(SessionSpawner.class);
    private static final String NICE = "/usr/bin/nice";

    private final Tmux tmux;
    private final InteractiveProperties properties;
    private final AgentProperties agents;
    private final Clock clock;

    SessionSpawner(Tmux tmux, InteractiveProperties properties, AgentProperties agents, Clock clock) {
        this.tmux = tmux;
        this.properties = properties;
        this.agents = agents;
        this.clock = clock;
    }

    /** The pane's process id and start time, or {@code failure} saying why no attempt worked. */
    record Spawned(Long pid, long startedAtMillis, String failure) {}

    Spawned spawn(Session session, LaunchCommand command, Path envFile) throws InterruptedException {
        List<String> program = new ArrayList<>();
        // Agents run at a lower priority, as batch runs do, so the server stays responsive.
        if (agents.niceness() > 0 && Files.isExecutable(Path.of(NICE))) {
            program.addAll(List.of(NICE, "-n", Integer.toString(agents.niceness())));
        }
        program.addAll(command.args());
        var env = new java.util.HashMap<>(command.env());
        // How a restarted server, and the reaper, recognise the session's process as the run's.
        env.put("ORCHESTRATOR_AGENT_ID", session.plan.runId());
        String reason = null;
        long backoff = properties.spawnBackoff().toMillis();
        for (int attempt = 1; attempt <= properties.spawnAttempts(); attempt++) {
            if (session.stopReason() != null) return new Spawned(null, 0, "stopped before its session started");
            try {
                tmux.kill(session.name); // what a failed attempt may have left
                tmux.newSession(session.name, command.workDir(), env, envFile, program, properties.columns(), properties.rows());
                long startedAt = clock.millis();
                Optional<Long> pid = tmux.panePid(session.name);
                if (pid.isPresent()) return new Spawned(pid.get(), startedAt, null);
                reason = "tmux started the session but it was gone at once";
            } catch (IOException e) {
                reason = e.getMessage();
            }
            log.warn("starting the session of run {} failed (attempt {} of {}): {}", session.plan.runId(), attempt,
                    properties.spawnAttempts(), reason);
            if (attempt < properties.spawnAttempts()) {
                Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff + 1));
                backoff *= 2;
            }
        }
        return new Spawned(null, 0, "could not start the terminal session after " + properties.spawnAttempts()
                + " attempts: " + reason);
    }
}

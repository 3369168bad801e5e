package dev.autodev.interactive;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Kills tmux sessions on the server's socket that no run owns: the run ended (or never existed) but its session
 * stayed, e.g. because the server died between the two. Sessions of active runs are left alone even when this
 * server does not watch them yet: taking those over is startup recovery's and the watchdog's job.
 */
@Component
class SessionReaper {

    private static final Logger log = LoggerFactory.getLogger(SessionReaper.class);

    private final Tmux tmux;
    private final RunRepository runs;
    private final InteractiveSupervisor supervisor;

    SessionReaper(Tmux tmux, RunRepository runs, InteractiveSupervisor supervisor) {
        this.tmux = tmux;
        this.runs = runs;
        this.supervisor = supervisor;
    }

    @Scheduled(fixedDelayString = "${autodev.interactive.reaper-interval:60s}", initialDelayString = "${autodev.interactive.reaper-interval:60s}")
    void sweep() {
        try {
            reap();
        } catch (Exception e) {
            log.error("reaping tmux sessions failed; the next sweep retries", e);
        }
    }

    /** Returns how many sessions were killed. */
    int reap() {
        Set<String> watched = supervisor.liveRunIds();
        int killed = 0;
        for (String name : tmux.sessions()) {
            if (!name.startsWith(Tmux.PREFIX)) continue;
            String runId = name.substring(Tmux.PREFIX.length());
            if (watched.contains(runId)) continue;
            Optional<AgentRun> run = runs.find(runId);
            if (run.isPresent() && !run.get().status().isTerminal()) continue;
            log.info("killing tmux session {}: {}", name, run.isEmpty() ? "no such run" : "its run is " + run.get().status().wireName());
            tmux.kill(name);
            killed++;
        }
        return killed;
    }
}

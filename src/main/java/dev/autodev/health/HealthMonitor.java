package dev.autodev.health;

import dev.autodev.agents.AgentRun;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.StopMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Works out a run's health warnings from its stored state and the time now. Warnings are computed when asked,
 * never stored, so they are always current and need no cleaning up once a run ends.
 */
@Component
public class HealthMonitor {

    /** Claude Code's own cap in stop mode completion, used when a job sets none. */
    private static final int COMPLETION_TURN_CAP = 1000;

    private final HealthProperties properties;
    private final Clock clock;

    public HealthMonitor(HealthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public List<HealthWarning> warnings(AgentRun run, Job job) {
        if (run.status().isTerminal()) return List.of();
        Instant now = clock.instant();
        Instant since = run.processStartedAt() != null ? run.processStartedAt() : run.startedAt();
        Duration running = Duration.between(since, now);
        List<HealthWarning> warnings = new ArrayList<>();
        Instant lastSign = run.lastOutputAt() != null ? run.lastOutputAt() : since;
        Duration quiet = Duration.between(lastSign, now);
        if (run.status().name().equals("RUNNING") && quiet.compareTo(properties.stalledAfter()) > 0) {
            warnings.add(new HealthWarning("stalled", "no output for " + minutes(quiet)));
        }
        Integer cap = turnCap(job);
        if (cap != null && run.numTurns() >= properties.nearLimitRatio() * cap) {
            warnings.add(new HealthWarning("high_turns", run.numTurns() + " of " + cap + " turns used"));
        }
        if (running.compareTo(properties.longRunningAfter()) > 0) {
            warnings.add(new HealthWarning("long_running", "running for " + minutes(running)));
        }
        if (job.stopMode() == StopMode.BUDGET && run.costUsd() >= properties.nearLimitRatio() * job.stopValue()) {
            warnings.add(new HealthWarning("budget_warning",
                    String.format("spent $%.2f of its $%.2f budget", run.costUsd(), job.stopValue())));
        }
        if (job.stopMode() == StopMode.TIME && running.toMillis() >= properties.nearLimitRatio() * job.stopValue() * 60_000) {
            warnings.add(new HealthWarning("time_warning",
                    "running for " + minutes(running) + " of its " + job.stopValue() + " minute limit"));
        }
        return warnings;
    }

    private static Integer turnCap(Job job) {
        if (job.maxTurns() != null) return job.maxTurns();
        if (job.stopMode() == StopMode.TURNS && job.stopValue() != null) return (int) Math.ceil(job.stopValue());
        if (job.stopMode() == StopMode.COMPLETION) return COMPLETION_TURN_CAP;
        return null;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }
}

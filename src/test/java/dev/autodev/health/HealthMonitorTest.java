package dev.autodev.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunStatus;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.StopMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warnings from stored state and a clock the test controls. */
class HealthMonitorTest {

    private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aRunWithNoOutputForTooLongIsStalled() {
        AgentRun run = run(RunStatus.RUNNING, START.plusSeconds(30), 3, 0.1);

        assertThat(kinds(at(START.plus(Duration.ofMinutes(5))), run, job(StopMode.TURNS, null, null))).isEmpty();
        assertThat(kinds(at(START.plus(Duration.ofMinutes(11))), run, job(StopMode.TURNS, null, null))).containsExactly("stalled");
    }

    @Test
    void aRunNearItsTurnCapHasHighTurns() {
        AgentRun run = run(RunStatus.RUNNING, START.plusSeconds(50), 8, 0.1);

        assertThat(kinds(at(START.plusSeconds(60)), run, job(StopMode.TURNS, 10, null))).containsExactly("high_turns");
        assertThat(kinds(at(START.plusSeconds(60)), run, job(StopMode.TURNS, 20, null))).isEmpty();
    }

    @Test
    void aRunOverAnHourIsLongRunning() {
        AgentRun run = run(RunStatus.RUNNING, START.plus(Duration.ofMinutes(61)), 2, 0.1);

        assertThat(kinds(at(START.plus(Duration.ofMinutes(62))), run, job(StopMode.TURNS, null, null))).containsExactly("long_running");
    }

    @Test
    void runsNearTheirBudgetOrTimeLimitAreWarned() {
        AgentRun spender = run(RunStatus.RUNNING, START.plusSeconds(50), 2, 0.85);
        assertThat(kinds(at(START.plusSeconds(60)), spender, job(StopMode.BUDGET, null, 1.0))).containsExactly("budget_warning");

        AgentRun slow = run(RunStatus.RUNNING, START.plus(Duration.ofMinutes(9)), 2, 0.1);
        assertThat(kinds(at(START.plus(Duration.ofMinutes(9))), slow, job(StopMode.TIME, null, 10.0))).containsExactly("time_warning");
    }

    @Test
    void finishedRunsHaveNoWarnings() {
        AgentRun done = run(RunStatus.DONE, START, 99, 99);
        assertThat(kinds(at(START.plus(Duration.ofDays(1))), done, job(StopMode.BUDGET, 10, 1.0))).isEmpty();
    }

    private static List<String> kinds(Clock clock, AgentRun run, Job job) {
        return new HealthMonitor(new HealthProperties(null, null, null), clock).warnings(run, job).stream()
                .map(HealthWarning::kind).toList();
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static AgentRun run(RunStatus status, Instant lastOutput, int turns, double cost) {
        return new AgentRun("run-1", "job-1", status, "claude", "claude-sonnet-4-6", 42L, "s", null, null, START, START,
                null, lastOutput, turns, cost, false, 0, 0, null, null, null, null, null, null, null);
    }

    private static Job job(StopMode mode, Integer maxTurns, Double stopValue) {
        return new Job("job-1", "t", "d", JobStatus.RUNNING, null, 0, "claude-sonnet-4-6", "/tmp", maxTurns, mode,
                stopValue, Map.of(), null, null, List.of(), null, null, START, START, false, List.of(), null, 0, 1,
                null, null, null, false, null, null);
    }
}

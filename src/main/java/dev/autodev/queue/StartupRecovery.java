package dev.autodev.queue;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunSupervisor;
import dev.autodev.agents.StopReason;
import dev.autodev.interactive.InteractiveSupervisor;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the database still calls active when the server starts were started by a server that is gone (killed, or
 * stopped while leaving its agents running). Agents write their output to files and do not need the server, so a
 * run whose process still lives is taken over and followed to its end; a run whose process died meanwhile is read
 * to the end of its output and finished by what it printed; a run that never got a process goes back to the queue.
 */
@Component
class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(30);

    private final RunRepository runs;
    private final JobRepository jobs;
    private final RunSupervisor supervisor;
    private final InteractiveSupervisor interactive;
    private final RunEndings endings;
    private final LaunchPlans plans;
    private final Clock clock;

    StartupRecovery(RunRepository runs, JobRepository jobs, RunSupervisor supervisor, InteractiveSupervisor interactive,
                    RunEndings endings, LaunchPlans plans, Clock clock) {
        this.interactive = interactive;
        this.clock = clock;
        this.runs = runs;
        this.jobs = jobs;
        this.supervisor = supervisor;
        this.endings = endings;
        this.plans = plans;
    }

    /** At start: every active run belongs to an earlier server. */
    void recover() {
        settle(Duration.ZERO);
    }

    /**
     * While running: active runs nobody follows. A run just claimed by the dispatcher is briefly active before its
     * supervisor takes it, so only runs older than a grace period count.
     */
    void recoverOrphans() {
        settle(ORPHAN_GRACE);
    }

    private void settle(Duration minimumAge) {
        Instant cutoff = clock.instant().minus(minimumAge);
        for (AgentRun run : runs.active()) {
            if (supervisor.isLive(run.id()) || interactive.isLive(run.id()) || run.startedAt().isAfter(cutoff)) continue;
            try {
                recover(run);
            } catch (Exception e) {
                log.error("could not recover run {}", run.id(), e);
            }
        }
    }

    private void recover(AgentRun run) {
        if (run.status() == RunStatus.STARTING || run.pid() == null) {
            log.info("run {} never started a process; job {} goes back to the queue", run.id(), run.jobId());
            endings.runEnded(run.id(), RunOutcome.cancelled(StopReason.SHUTDOWN, null, "the server restarted before the run started"));
            return;
        }
        Job job = jobs.find(run.jobId()).orElseThrow();
        if (job.interactive()) {
            // tmux keeps the session (or its dead pane, with the exit status) while no server watches it.
            log.info("interactive run {} was active when the server stopped; its session is {}; taking it over", run.id(),
                    interactive.hasSession(run.id()) ? "alive" : "gone");
            interactive.reattach(plans.existing(job, run));
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(run.pid()).filter(ProcessHandle::isAlive).filter(p -> belongsTo(p, run));
        log.info("run {} was active when the server stopped; its process is {}; taking it over", run.id(),
                process.isPresent() ? "alive" : "gone");
        supervisor.reattach(plans.existing(job, run), process, run.processStartedAt());
    }

    /**
     * A pid may have been reused since: only a process started for this run is ours. An agent started for its run
     * carries the run id in its environment; one started ahead of its run (a warm start) carries the run's session id
     * on its command line instead, and so does any agent whose environment cannot be read.
     */
    private static boolean belongsTo(ProcessHandle process, AgentRun run) {
        try {
            byte[] environ = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "environ"));
            if (new String(environ, java.nio.charset.StandardCharsets.UTF_8).contains("ORCHESTRATOR_AGENT_ID=" + run.id() + "\0")) {
                return true;
            }
        } catch (java.io.IOException | SecurityException e) {
            // the command line has to do
        }
        return run.sessionId() != null
                && process.info().commandLine().map(cmd -> cmd.contains(run.sessionId())).orElse(false);
    }
}

package dev.autodev.queue;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunSupervisor;
import dev.autodev.agents.StopReason;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the database still calls active when the server starts belong to a server that is gone. Their processes are
 * stopped if they still live, the runs are closed as cancelled, and their jobs go back to the queue, so nothing is
 * left in a state no process will ever change.
 */
@Component
class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final RunRepository runs;
    private final RunSupervisor supervisor;
    private final RunEndings endings;

    StartupRecovery(RunRepository runs, RunSupervisor supervisor, RunEndings endings) {
        this.runs = runs;
        this.supervisor = supervisor;
        this.endings = endings;
    }

    void recover() {
        List<AgentRun> orphans = runs.active().stream().filter(r -> !supervisor.isLive(r.id())).toList();
        for (AgentRun run : orphans) {
            if (run.pid() != null) ProcessHandle.of(run.pid()).filter(p -> belongsTo(p, run)).ifPresent(supervisor::stopOrphan);
            log.info("run {} was active when the server stopped; closing it and requeueing job {}", run.id(), run.jobId());
            endings.runEnded(run.id(), new RunOutcome(RunStatus.CANCELLED, StopReason.SHUTDOWN, run.resultText(),
                    "the server restarted while this run was active", null));
        }
    }

    /** A pid may have been reused since; only a process that carries the run's session id is ours to stop. */
    private static boolean belongsTo(ProcessHandle process, AgentRun run) {
        return run.sessionId() != null
                && process.info().commandLine().map(cmd -> cmd.contains(run.sessionId())).orElse(false);
    }
}

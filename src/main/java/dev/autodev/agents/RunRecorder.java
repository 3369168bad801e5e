package dev.autodev.agents;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a live run does, a batch of output at a time, in short write transactions. Shared by the batch
 * supervisor and the interactive one.
 */
@Component
public class RunRecorder {

    private final RunRepository runs;
    private final EventRepository events;
    private final RunLifecycle lifecycle;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RunRecorder(RunRepository runs, EventRepository events, RunLifecycle lifecycle,
                ApplicationEventPublisher publisher, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The process exists: record its pid and move the run to running. False if the run was stopped meanwhile. */
    @Transactional
    public boolean processStarted(String runId, String jobId, long pid, long startedAtMillis) {
        runs.processStarted(runId, pid, startedAtMillis);
        return lifecycle.move(runId, jobId, RunStatus.STARTING, RunStatus.RUNNING, "process " + pid + " started");
    }

    /** The conversation the run's process holds, when it is not the one planned (a warm start brings its own). */
    public void session(String runId, String sessionId) {
        runs.session(runId, sessionId);
    }

    /** Where the run's process works, recorded before it starts so MCP calls resolve paths against it. */
    public void workspace(String runId, RunWorkspace.Prepared workspace) {
        runs.workspace(runId, workspace);
    }

    @Transactional
    public void output(String runId, List<AgentEvent> batch, RunProgress progress) {
        events.insertAll(batch);
        runs.progress(runId, progress, clock.millis());
        if (!batch.isEmpty()) {
            publisher.publishEvent(new RunOutputAppended(runId, batch.getFirst().seq(), batch.getLast().seq()));
        }
    }
}

package dev.autodev.interactive;

import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.FailureKind;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.ProcessGroups;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunProgress;
import dev.autodev.agents.RunRecorder;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.StopReason;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Follows one live session until its CLI exits or someone stops it: records what its transcript adds, and decides
 * the run's outcome at the end. The pane stays after its process exits (tmux's remain-on-exit), so the exit status
 * and the last screen can be read before the session is closed.
 */
@Component
class SessionWatch {

    private static final int SCREEN_TAIL_LINES = 15;

    private final Tmux tmux;
    private final RunRecorder recorder;
    private final InteractiveProperties properties;
    private final AgentProperties agents;
    private final Clock clock;

    SessionWatch(Tmux tmux, RunRecorder recorder, InteractiveProperties properties, AgentProperties agents,
                 Clock clock) {
        this.tmux = tmux;
        this.recorder = recorder;
        this.properties = properties;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * @param cliTotals what the CLI recorded itself once it exited, given the transcript's totals (see
     *                  {@code AgentCli#interactiveTotals}); replaces the estimate when there is something
     */
    RunOutcome watch(Session session, OutputParser parser, Function<RunProgress, Optional<RunProgress>> cliTotals)
            throws IOException, InterruptedException {
        long seq = 0;
        try (TranscriptFollower transcript = new TranscriptFollower(session, parser)) {
            while (true) {
                StopReason stop = session.stopReason();
                if (stop != null) {
                    terminate(session);
                    seq = record(session, transcript, seq);
                    recordCliTotals(session, transcript, cliTotals);
                    return stopped(session, stop, transcript);
                }
                Optional<Integer> exit = tmux.deadStatus(session.name);
                boolean gone = exit.isEmpty() && !tmux.hasSession(session.name);
                // tmux answers nothing useful to an interrupted thread: the server is stopping, not the session.
                if (Thread.interrupted()) throw new InterruptedException();
                seq = record(session, transcript, seq);
                if (exit.isPresent()) {
                    recordCliTotals(session, transcript, cliTotals);
                    return exited(session, exit.get(), transcript);
                }
                if (gone) return new RunOutcome(RunStatus.FAILED, null, transcript.lastText(),
                        "the terminal session disappeared (killed outside the orchestrator)", null, FailureKind.CLI_CRASH);
                session.pause(properties.pollInterval().toMillis());
            }
        }
    }

    private long record(Session session, TranscriptFollower transcript, long seq) throws IOException {
        List<ParsedEvent> events = transcript.poll();
        if (events.isEmpty()) {
            transcript.changedProgress().ifPresent(totals -> recorder.output(session.plan.runId(), List.of(), totals));
            return seq;
        }
        session.leaveStartSlot();
        List<AgentEvent> batch = new ArrayList<>();
        var now = clock.instant();
        for (ParsedEvent event : events) {
            batch.add(new AgentEvent(session.plan.runId(), ++seq, event.type().wire(), event.text(), event.data(), now));
        }
        // Transcripts carry tokens, not cost: the CLI's transcript parser estimates it from the price table.
        recorder.output(session.plan.runId(), batch, transcript.changedProgress().orElseGet(transcript::progress));
        return seq;
    }

    private void recordCliTotals(Session session, TranscriptFollower transcript,
                                 Function<RunProgress, Optional<RunProgress>> cliTotals) {
        cliTotals.apply(transcript.progress()).ifPresent(own -> recorder.output(session.plan.runId(), List.of(), own));
    }

    private RunOutcome exited(Session session, int status, TranscriptFollower transcript) {
        if (status == 0) return new RunOutcome(RunStatus.DONE, null, transcript.lastText(), null, 0, null);
        String screen = screenTail(session);
        return new RunOutcome(RunStatus.FAILED, null, transcript.lastText(),
                "the CLI exited with status " + status + (screen.isEmpty() ? "" : ":\n" + screen), status, FailureKind.CLI_CRASH);
    }

    private RunOutcome stopped(Session session, StopReason stop, TranscriptFollower transcript) {
        return switch (stop) {
            case FINISHED -> new RunOutcome(RunStatus.DONE, stop, session.finishResult() != null ? session.finishResult()
                    : transcript.lastText(), null, null, null);
            case CANCEL -> RunOutcome.cancelled(stop, transcript.lastText(), "cancelled");
            case REQUEUE -> RunOutcome.cancelled(stop, transcript.lastText(), "stopped to requeue the job");
            case SHUTDOWN -> RunOutcome.cancelled(stop, transcript.lastText(), "stopped with the server");
            case TIME_LIMIT -> new RunOutcome(RunStatus.FAILED, stop, transcript.lastText(), "time limit reached",
                    null, FailureKind.TIMEOUT);
            default -> new RunOutcome(RunStatus.FAILED, stop, transcript.lastText(), "stopped: " + stop.name().toLowerCase(),
                    null, FailureKind.UNKNOWN);
        };
    }

    /** SIGTERM to the CLI's process group (tools it started included), SIGKILL after the grace period. */
    private void terminate(Session session) throws InterruptedException {
        Long pid = session.pid() != null ? session.pid() : tmux.panePid(session.name).orElse(null);
        Optional<ProcessHandle> process = pid == null ? Optional.empty() : ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent()) {
            ProcessGroups.terminate(process.get());
            try {
                process.get().onExit().get(agents.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                ProcessGroups.kill(process.get());
            }
        }
        tmux.kill(session.name);
    }

    private String screenTail(Session session) {
        List<String> lines = tmux.capture(session.name, false).lines().map(String::stripTrailing)
                .map(l -> l.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")).filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - SCREEN_TAIL_LINES), lines.size()));
    }
}

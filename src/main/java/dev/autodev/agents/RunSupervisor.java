package dev.autodev.agents;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts agent processes and watches them to the end. Each run gets a virtual thread that starts the process with
 * its output redirected to files, reads those files as they grow, records what it parses, and reports the outcome
 * once the process is gone. Request threads only hand work over, so launching never blocks the API.
 */
@Component
public class RunSupervisor {

    private static final Logger log = LoggerFactory.getLogger(RunSupervisor.class);
    private static final long FINISH_DELAY_MILLIS = 300;

    private final AgentClis clis;
    private final AgentProperties properties;
    private final RunRecorder recorder;
    private final RunEndHandler endHandler;
    private final AgentConnections connections;
    private final RunWorkspace workspace;
    private final StartGate startGate;
    private final WarmStarts warmStarts;
    private final Clock clock;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("run-timers").factory());

    RunSupervisor(AgentClis clis, AgentProperties properties, RunRecorder recorder, RunEndHandler endHandler,
                  AgentConnections connections,
                  org.springframework.beans.factory.ObjectProvider<RunWorkspace> workspace, StartGate startGate,
                  WarmStarts warmStarts, Clock clock) {
        this.clis = clis;
        this.properties = properties;
        this.recorder = recorder;
        this.endHandler = endHandler;
        this.connections = connections;
        this.workspace = workspace.getIfAvailable(() -> plan -> new RunWorkspace.Prepared(plan.workDir(), null));
        this.startGate = startGate;
        this.warmStarts = warmStarts;
        this.clock = clock;
    }

    /** Starts supervising a run already recorded as starting. Returns at once. */
    public void launch(LaunchPlan plan) {
        LiveRun run = new LiveRun(plan);
        live.put(plan.runId(), run);
        runners.execute(() -> supervise(run, () -> runProcess(run)));
    }

    /**
     * Takes over a run that an earlier server started. Its output file is read from the start (events are stored
     * by sequence number, so what was recorded before is not duplicated), followed while the process lives, and
     * its end is handled once, like any other run's. {@code process} is empty when it has already died.
     */
    public void reattach(LaunchPlan plan, Optional<ProcessHandle> process, Instant processStartedAt) {
        LiveRun run = new LiveRun(plan);
        process.ifPresent(run::attach);
        live.put(plan.runId(), run);
        runners.execute(() -> supervise(run, () -> followExisting(run, processStartedAt)));
    }

    /** The kind of CLI ({@link AgentCli#kind()}) that runs a model. */
    public String kindFor(String model) {
        return clis.forModel(model).kind();
    }

    /** Asks a live run to stop; false when this server is not running it. */
    public boolean stop(String runId, StopReason reason) {
        LiveRun run = live.get(runId);
        if (run == null) return false;
        stop(run, reason, null);
        return true;
    }

    private void stop(LiveRun run, StopReason reason, String message) {
        if (run.requestStop(reason, message) && run.process() != null) runners.execute(() -> terminate(run));
    }

    /**
     * Ends a run as done with the given result, on the agent's own request (finish_job). The process is stopped
     * shortly after, so the tool call that asked for it can still be answered.
     */
    public boolean finish(String runId, String result) {
        LiveRun run = live.get(runId);
        if (run == null) return false;
        run.finishWith(result);
        if (run.requestStop(StopReason.FINISHED)) {
            // The outcome is known at the call, so the job ends now rather than once the CLI has wound down; the
            // process keeps its output recorded until it exits.
            runners.execute(() -> reportEnd(run, new RunOutcome(RunStatus.DONE, StopReason.FINISHED, result, null, null, null)));
            timers.schedule(() -> runners.execute(() -> terminate(run)), FINISH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Waits until a run's end has been recorded; false on timeout. */
    public boolean awaitEnd(String runId, long timeoutMillis) throws InterruptedException {
        LiveRun run = live.get(runId);
        return run == null || run.awaitEnd(timeoutMillis);
    }

    public boolean isLive(String runId) {
        return live.containsKey(runId);
    }

    public Set<String> liveRunIds() {
        return Set.copyOf(live.keySet());
    }

    /** Stops a process this server does not supervise, left over from an earlier server. */
    public void stopOrphan(ProcessHandle process) {
        LiveRun orphan = new LiveRun(null);
        orphan.attach(process);
        terminate(orphan);
    }

    private void supervise(LiveRun run, Callable<RunOutcome> body) {
        String runId = run.plan.runId();
        RunOutcome outcome;
        try {
            outcome = body.call();
        } catch (Exception e) {
            log.error("supervising run {} failed", runId, e);
            outcome = new RunOutcome(RunStatus.FAILED, run.stopReason(), null, "supervision failed: " + e, null, FailureKind.UNKNOWN);
        }
        try {
            reportEnd(run, outcome);
        } finally {
            live.remove(runId);
            run.markEnded();
        }
    }

    /** Tells the end handler how the run ended, once: whichever of finish_job and the process's exit comes first. */
    private void reportEnd(LiveRun run, RunOutcome outcome) {
        if (!run.claimEnd()) return;
        try {
            endHandler.runEnded(run.plan.runId(), outcome);
        } catch (Exception e) {
            log.error("recording the end of run {} failed", run.plan.runId(), e);
        }
    }

    private RunOutcome runProcess(LiveRun run) throws IOException, InterruptedException {
        RunWorkspace.Prepared prepared;
        try {
            prepared = workspace.prepare(run.plan);
        } catch (IOException | RuntimeException e) {
            log.warn("could not prepare the work dir of run {}", run.plan.runId(), e);
            return new RunOutcome(RunStatus.FAILED, run.stopReason(), null,
                    "could not prepare the work dir: " + e.getMessage(), null, FailureKind.TOOL_ERROR);
        }
        recorder.workspace(run.plan.runId(), prepared);
        LaunchPlan plan = run.plan.withWorkDir(prepared.dir());
        AgentCli cli = clis.forModel(plan.model());
        RunFiles files = RunFiles.create(properties.logDir(), plan.runId(), plan.prompt());
        // Its connection (the config files with its token) is made only for a CLI started for it: one started ahead
        // brings its own.
        LaunchRequest request = plan.request(null);
        StartGate.Admission admission = startGate.enter(timers);
        // A CLI started ahead for a run like this one, when there is one (WarmStarts); else its own.
        Process process = warmStarts.takeOver(cli, request, plan.runId(), plan.token(), files, plan.prompt()).orElse(null);
        if (process == null) {
            LaunchCommand command = cli.command(plan.request(connections.open(plan)));
            try {
                process = RunProcesses.builder(command, files, plan.runId()).start();
            } catch (IOException e) {
                admission.leave();
                return new RunOutcome(RunStatus.FAILED, run.stopReason(), null,
                        "could not start " + command.args().getFirst() + ": " + e.getMessage(), null, FailureKind.CLI_CRASH);
            }
        }
        // The next run like this one can then find its CLI started (nicer than this one's, which goes first).
        warmStarts.prepare(cli, request);
        return followStarted(run, plan, cli, request, files, process, admission);
    }

    /** Records a run's process as started, follows its output to its end, and decides the outcome. */
    private RunOutcome followStarted(LiveRun run, LaunchPlan plan, AgentCli cli, LaunchRequest request, RunFiles files,
                                     Process process, StartGate.Admission admission)
            throws IOException, InterruptedException {
        long startedAt = clock.millis(); // taken before the write below, which may wait for the writer connection
        // What the agent does from then on (its tools, builds, tests) runs at the lower priority, so busy agents
        // cannot starve the API; and a CLI for the next run like it is started now if there was no room before.
        admission.afterStart(() -> {
            ProcessGroups.lowerPriority(process.toHandle(), properties.niceness());
            warmStarts.prepare(cli, request);
        });
        run.attach(process.toHandle());
        if (!recorder.processStarted(plan.runId(), plan.jobId(), process.pid(), startedAt)) run.requestStop(StopReason.CANCEL);
        if (run.stopReason() != null) runners.execute(() -> terminate(run));
        scheduleTimeLimit(plan, Duration.ZERO);
        OutputParser parser = cli.newParser(request);
        try {
            follow(run, cli, process::isAlive, () -> process.waitFor(properties.tailInterval().toMillis(), TimeUnit.MILLISECONDS),
                    files.stdout(), parser, admission::leave);
        } finally {
            admission.leave();
        }
        // Tools the agent left running in its group would otherwise outlive the run.
        ProcessGroups.kill(process.toHandle());
        return RunOutcomes.decide(run, parser, process.exitValue(), files.stderrTail());
    }

    private RunOutcome followExisting(LiveRun run, Instant processStartedAt) throws IOException, InterruptedException {
        LaunchPlan plan = run.plan;
        AgentCli cli = clis.forModel(plan.model());
        OutputParser parser = cli.newParser(plan.request(null));
        RunFiles files = RunFiles.existing(properties.logDir(), plan.runId());
        ProcessHandle process = run.process();
        // An earlier server may have stopped before the run was past its start and its priority lowered.
        if (process != null) ProcessGroups.lowerPriority(process, properties.niceness());
        if (processStartedAt != null) scheduleTimeLimit(plan, Duration.between(processStartedAt, clock.instant()));
        follow(run, cli, () -> process != null && process.isAlive(), () -> Thread.sleep(properties.tailInterval().toMillis()),
                files.stdout(), parser, () -> {});
        if (process != null) ProcessGroups.kill(process);
        return RunOutcomes.decide(run, parser, null, files.stderrTail());
    }

    private void scheduleTimeLimit(LaunchPlan plan, Duration alreadyRunning) {
        if (plan.timeLimit() == null) return;
        long left = Math.max(0, plan.timeLimit().minus(alreadyRunning).toMillis());
        timers.schedule(() -> stop(plan.runId(), StopReason.TIME_LIMIT), left, TimeUnit.MILLISECONDS);
    }

    /** Something to wait on between reads of a live run's output. */
    @FunctionalInterface
    private interface Pause {
        void pause() throws InterruptedException;
    }

    /** Reads the output file until the process is gone, recording each batch of lines as it appears. */
    private void follow(LiveRun run, AgentCli cli, BooleanSupplier alive, Pause pause, Path stdout, OutputParser parser,
                        Runnable firstOutput) throws IOException, InterruptedException {
        long seq = 0;
        try (OutputTail tail = new OutputTail(stdout)) {
            while (true) {
                boolean exited = !alive.getAsBoolean();
                List<String> lines = tail.readLines();
                if (exited) {
                    String rest = tail.remainder();
                    if (!rest.isBlank()) lines.add(rest);
                }
                if (!lines.isEmpty()) {
                    firstOutput.run();
                    seq = record(run, parser, lines, seq);
                    if (!cli.stopsAtTurnLimit()) enforceTurnLimit(run, parser.progress());
                    stopOnRefusedCredentials(run, cli, parser.progress());
                }
                if (exited) return;
                pause.pause();
            }
        }
    }

    private long record(LiveRun run, OutputParser parser, List<String> lines, long seq) {
        List<AgentEvent> batch = new ArrayList<>();
        var now = clock.instant();
        for (String line : lines) {
            for (ParsedEvent event : parser.parse(line)) {
                batch.add(new AgentEvent(run.plan.runId(), ++seq, event.type().wire(), event.text(), event.data(), now));
            }
        }
        recorder.output(run.plan.runId(), batch, parser.progress());
        return seq;
    }

    /** Stops a run whose CLI has no turn cap of its own once it is past its job's; the outcome says why. */
    private void enforceTurnLimit(LiveRun run, RunProgress progress) {
        Integer max = run.plan.maxTurns();
        if (max != null && progress.numTurns() > max && run.stopReason() == null) stop(run.plan.runId(), StopReason.TURN_LIMIT);
    }

    /**
     * Stops a run whose provider refused its credentials as soon as the CLI starts retrying: the CLI would retry for
     * minutes (Claude Code ten times, backing off to about 30 s) where no retry can help.
     */
    private void stopOnRefusedCredentials(LiveRun run, AgentCli cli, RunProgress progress) {
        ProviderRetry retry = progress.retrying();
        if (retry == null || !retry.credentialsRefused() || run.stopReason() != null) return;
        stop(run, StopReason.AUTH_FAILED, RunOutcomes.credentialsRefused(retry, cli.credentialsHint()));
    }

    /** SIGTERM to the run's process group, then SIGKILL if it is still there after the grace period. */
    private void terminate(LiveRun run) {
        ProcessHandle process = run.process();
        if (process == null || !process.isAlive()) return;
        ProcessGroups.terminate(process);
        try {
            process.onExit().get(properties.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.info("process {} ignored SIGTERM for {}; sending SIGKILL", process.pid(), properties.stopGrace());
            ProcessGroups.kill(process);
        } catch (Exception e) {
            ProcessGroups.kill(process);
        }
    }

    /**
     * Agents do not need the server: by default they keep running when it stops, and the next start takes them over.
     * With {@code autodev.agents.stop-on-shutdown} they are stopped instead and their jobs go back to the queue.
     */
    @PreDestroy
    void stopAll() throws InterruptedException {
        if (!properties.stopOnShutdown()) {
            timers.shutdownNow();
            return;
        }
        List<LiveRun> running = List.copyOf(live.values());
        running.forEach(run -> stop(run.plan.runId(), StopReason.SHUTDOWN));
        long deadline = System.currentTimeMillis() + properties.stopGrace().toMillis() + 2000;
        for (LiveRun run : running) run.awaitEnd(Math.max(0, deadline - System.currentTimeMillis()));
        timers.shutdownNow();
    }
}

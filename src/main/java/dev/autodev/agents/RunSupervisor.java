package dev.autodev.agents;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final OrchestratorEndpoints endpoints;
    private final LockHookInstaller lockHook;
    private final Clock clock;
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("run-timers").factory());

    RunSupervisor(AgentClis clis, AgentProperties properties, RunRecorder recorder, RunEndHandler endHandler,
                  OrchestratorEndpoints endpoints, LockHookInstaller lockHook, Clock clock) {
        this.clis = clis;
        this.properties = properties;
        this.recorder = recorder;
        this.endHandler = endHandler;
        this.endpoints = endpoints;
        this.lockHook = lockHook;
        this.clock = clock;
    }

    /** Starts supervising a run already recorded as starting. Returns at once. */
    public void launch(LaunchPlan plan) {
        LiveRun run = new LiveRun(plan);
        live.put(plan.runId(), run);
        runners.execute(() -> supervise(run));
    }

    /** The kind of CLI ({@link AgentCli#kind()}) that runs a model. */
    public String kindFor(String model) {
        return clis.forModel(model).kind();
    }

    /** Asks a live run to stop; false when this server is not running it. */
    public boolean stop(String runId, StopReason reason) {
        LiveRun run = live.get(runId);
        if (run == null) return false;
        if (run.requestStop(reason) && run.process() != null) runners.execute(() -> terminate(run));
        return true;
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

    private void supervise(LiveRun run) {
        String runId = run.plan.runId();
        RunOutcome outcome;
        try {
            outcome = runProcess(run);
        } catch (Exception e) {
            log.error("supervising run {} failed", runId, e);
            outcome = new RunOutcome(RunStatus.FAILED, run.stopReason(), null, "supervision failed: " + e, null);
        }
        try {
            endHandler.runEnded(runId, outcome);
        } catch (Exception e) {
            log.error("recording the end of run {} failed", runId, e);
        } finally {
            live.remove(runId);
            run.markEnded();
        }
    }

    private RunOutcome runProcess(LiveRun run) throws IOException, InterruptedException {
        LaunchPlan plan = run.plan;
        AgentCli cli = clis.forModel(plan.model());
        RunFiles files = RunFiles.create(properties.logDir(), plan.runId(), plan.prompt());
        LaunchCommand command = cli.command(plan.request(connection(plan)));
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inNewGroup(command.args(), properties.niceness()))
                .directory(command.workDir().toFile())
                .redirectInput(files.prompt().toFile())
                .redirectOutput(files.stdout().toFile())
                .redirectError(files.stderr().toFile());
        builder.environment().putAll(command.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new RunOutcome(RunStatus.FAILED, run.stopReason(), null,
                    "could not start " + command.args().getFirst() + ": " + e.getMessage(), null);
        }
        long startedAt = clock.millis(); // taken before the write below, which may wait for the writer connection
        run.attach(process.toHandle());
        if (!recorder.processStarted(plan.runId(), plan.jobId(), process.pid(), startedAt)) run.requestStop(StopReason.CANCEL);
        if (run.stopReason() != null) runners.execute(() -> terminate(run));
        if (plan.timeLimit() != null) {
            timers.schedule(() -> stop(plan.runId(), StopReason.TIME_LIMIT), plan.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        }
        OutputParser parser = cli.newParser();
        follow(run, process, files.stdout(), parser);
        // Tools the agent left running in its group would otherwise outlive the run.
        ProcessGroups.kill(process.toHandle());
        return RunOutcomes.decide(plan, run.stopReason(), run.finishResult(), parser, process.exitValue(), files.stderrTail());
    }

    private AgentConnection connection(LaunchPlan plan) throws IOException {
        Path configDir = properties.logDir().resolve(plan.runId() + ".config");
        Files.createDirectories(configDir);
        // The directory holds files with the run's token: only this user may read them.
        Files.setPosixFilePermissions(configDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return new AgentConnection(plan.token(), endpoints.mcpUrl(), endpoints.apiUrl(), lockHook.hook(), configDir);
    }

    /** Reads the output file until the process is gone, recording each batch of lines as it appears. */
    private void follow(LiveRun run, Process process, Path stdout, OutputParser parser) throws IOException, InterruptedException {
        long seq = 0;
        try (OutputTail tail = new OutputTail(stdout)) {
            while (true) {
                boolean exited = !process.isAlive();
                List<String> lines = tail.readLines();
                if (exited) {
                    String rest = tail.remainder();
                    if (!rest.isBlank()) lines.add(rest);
                }
                if (!lines.isEmpty()) seq = record(run, parser, lines, seq);
                if (exited) return;
                process.waitFor(properties.tailInterval().toMillis(), TimeUnit.MILLISECONDS);
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

    /** Stops what is still running so a stopped server leaves no unsupervised agents behind; their jobs requeue. */
    @PreDestroy
    void stopAll() throws InterruptedException {
        List<LiveRun> running = List.copyOf(live.values());
        running.forEach(run -> stop(run.plan.runId(), StopReason.SHUTDOWN));
        long deadline = System.currentTimeMillis() + properties.stopGrace().toMillis() + 2000;
        for (LiveRun run : running) run.awaitEnd(Math.max(0, deadline - System.currentTimeMillis()));
        timers.shutdownNow();
    }

    /** The three files every run writes: its prompt (stdin), its raw output, and its stderr. */
    record RunFiles(Path prompt, Path stdout, Path stderr) {

        static RunFiles create(Path logDir, String runId, String promptText) throws IOException {
            Files.createDirectories(logDir);
            RunFiles files = new RunFiles(logDir.resolve(runId + ".prompt"), logDir.resolve(runId + ".ndjson"),
                    logDir.resolve(runId + ".stderr"));
            Files.writeString(files.prompt, promptText);
            return files;
        }

        /** The last few lines of stderr, to explain a run that ended without a result. */
        String stderrTail() {
            try {
                List<String> lines = Files.readAllLines(stderr);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())).strip();
            } catch (IOException e) {
                return "";
            }
        }
    }
}

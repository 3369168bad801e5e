package dev.autodev.interactive;

import dev.autodev.agents.AgentCli;
import dev.autodev.agents.AgentClis;
import dev.autodev.agents.AgentConnections;
import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.FailureKind;
import dev.autodev.agents.InteractiveCommand;
import dev.autodev.agents.LaunchPlan;
import dev.autodev.agents.LaunchRequest;
import dev.autodev.agents.RunEndHandler;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunRecorder;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunWorkspace;
import dev.autodev.agents.StopReason;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs interactive sessions: the agent CLI's own terminal UI in a tmux session on the server's private socket. Beside
 * {@code RunSupervisor}, with the same command building (the CLI's {@link AgentCli#interactiveCommand}), connection,
 * workspace, recording and end handling. Each session gets a virtual thread that watches it: the transcript goes into
 * the run's events and totals, and when the CLI exits (or a stop is asked) the run ends like any other.
 * tmux keeps the session when the server stops; the next start takes it over ({@link #reattach}).
 */
@Component
public class InteractiveSupervisor {

    private static final Logger log = LoggerFactory.getLogger(InteractiveSupervisor.class);
    private static final long ENTER_AFTER_TEXT_MILLIS = 250;

    private final AgentClis clis;
    private final AgentConnections connections;
    private final AgentProperties agentProperties;
    private final InteractiveProperties properties;
    private final RunRecorder recorder;
    private final RunEndHandler endHandler;
    private final RunWorkspace workspace;
    private final Tmux tmux;
    private final TerminalAttachments terminals;
    private final SessionSpawner spawner;
    private final SessionWatch watch;
    private final dev.autodev.agents.StartGate startGate;
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.concurrent.ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("session-timers").factory());

    InteractiveSupervisor(AgentClis clis, AgentConnections connections, AgentProperties agentProperties,
                          InteractiveProperties properties, RunRecorder recorder, RunEndHandler endHandler,
                          ObjectProvider<RunWorkspace> workspace, Tmux tmux, TerminalAttachments terminals,
                          SessionSpawner spawner, SessionWatch watch, dev.autodev.agents.StartGate startGate) {
        this.startGate = startGate;
        this.clis = clis;
        this.connections = connections;
        this.agentProperties = agentProperties;
        this.properties = properties;
        this.recorder = recorder;
        this.endHandler = endHandler;
        this.workspace = workspace.getIfAvailable(() -> plan -> new RunWorkspace.Prepared(plan.workDir(), null));
        this.tmux = tmux;
        this.terminals = terminals;
        this.spawner = spawner;
        this.watch = watch;
    }

    /** Whether another session may start now ({@link InteractiveProperties#maxSessions()}). */
    public boolean hasRoom() {
        return live.size() < properties.maxSessions();
    }

    /** How many sessions may live at once ({@link InteractiveProperties#maxSessions()}). */
    public int maxSessions() {
        return properties.maxSessions();
    }

    /** Starts a session for a run already recorded as starting; its prompt is the first message. Returns at once. */
    public void launch(LaunchPlan plan) {
        Session session = new Session(plan);
        live.put(plan.runId(), session);
        runners.execute(() -> supervise(session, true));
    }

    /**
     * Takes over the session of a run an earlier server started. When its tmux session is gone the run is finished
     * at once, by what its transcript holds.
     */
    public void reattach(LaunchPlan plan) {
        Session session = new Session(plan);
        live.put(plan.runId(), session);
        runners.execute(() -> supervise(session, false));
    }

    public boolean isLive(String runId) {
        return live.containsKey(runId);
    }

    public Set<String> liveRunIds() {
        return Set.copyOf(live.keySet());
    }

    /** Whether the run's tmux session exists (it may outlive this server's watch of it). */
    public boolean hasSession(String runId) {
        return tmux.hasSession(Tmux.sessionName(runId));
    }

    /** Raw input, as if typed: no Enter is added. */
    public void input(String runId, String text) throws IOException {
        requireSession(runId);
        tmux.sendText(Tmux.sessionName(runId), text);
    }

    /**
     * A message typed into the session and sent (Enter), as a person at the terminal would. Enter comes a moment
     * after the text: a terminal UI that tells pastes from typing (Codex does) takes an Enter that arrives with the
     * text as part of the paste, a new line rather than sending it.
     */
    public void type(String runId, String message) throws IOException {
        requireSession(runId);
        String name = Tmux.sessionName(runId);
        tmux.sendText(name, message);
        try {
            Thread.sleep(ENTER_AFTER_TEXT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tmux.sendEnter(name);
    }

    /** What the session's terminal holds: scrollback and screen, with colours, for a late viewer. */
    public String history(String runId) {
        String name = Tmux.sessionName(runId);
        return tmux.capture(name, true) + tmux.capture(name, false);
    }

    /** Only what scrolled off the screen, with colours: what an attaching terminal cannot get from tmux's redraw. */
    public String scrollback(String runId) {
        return tmux.capture(Tmux.sessionName(runId), true);
    }

    /** Asks a session to stop: its process group is signalled and the session killed. False when not watched here. */
    public boolean stop(String runId, StopReason reason) {
        Session session = live.get(runId);
        if (session == null) return false;
        session.requestStop(reason);
        return true;
    }

    /** Ends the run as done with {@code result} (the agent's finish_job); the session is closed. */
    public boolean finish(String runId, String result) {
        Session session = live.get(runId);
        if (session == null) return false;
        session.finishWith(result);
        session.requestStop(StopReason.FINISHED);
        return true;
    }

    public boolean awaitEnd(String runId, long timeoutMillis) throws InterruptedException {
        Session session = live.get(runId);
        return session == null || session.awaitEnd(timeoutMillis);
    }

    /** A hook of the session's CLI reported something: look at the session now. */
    void wake(String runId) {
        Session session = live.get(runId);
        if (session != null) session.wake();
    }

    Optional<Session> session(String runId) {
        return Optional.ofNullable(live.get(runId));
    }

    private void requireSession(String runId) throws IOException {
        if (!hasSession(runId)) throw new NoSession(runId);
    }

    /** Thrown when a run has no live terminal session to type into. */
    public static final class NoSession extends IOException {
        NoSession(String runId) {
            super("run " + runId + " has no live terminal session");
        }
    }

    private void supervise(Session session, boolean fresh) {
        String runId = session.plan.runId();
        RunOutcome outcome;
        try {
            outcome = fresh ? start(session) : follow(session);
        } catch (InterruptedException e) {
            // The server is stopping: the session lives on in tmux, and the next start takes it over.
            live.remove(runId);
            session.markEnded();
            return;
        } catch (Exception e) {
            log.error("supervising interactive run {} failed", runId, e);
            outcome = new RunOutcome(RunStatus.FAILED, session.stopReason(), null, "supervision failed: " + e, null,
                    FailureKind.UNKNOWN);
        }
        try {
            tmux.kill(session.name);
            terminals.detachAll(runId, "the session ended");
            endHandler.runEnded(runId, outcome);
        } catch (Exception e) {
            log.error("recording the end of interactive run {} failed", runId, e);
        } finally {
            live.remove(runId);
            session.markEnded();
        }
    }

    private RunOutcome start(Session session) throws IOException, InterruptedException {
        RunWorkspace.Prepared prepared;
        try {
            prepared = workspace.prepare(session.plan);
        } catch (IOException | RuntimeException e) {
            return failed("could not prepare the work dir: " + e.getMessage(), FailureKind.TOOL_ERROR);
        }
        recorder.workspace(session.plan.runId(), prepared);
        LaunchPlan plan = session.plan.withWorkDir(prepared.dir());
        AgentCli cli = clis.forModel(plan.model());
        LaunchRequest request = plan.request(connections.open(plan));
        Optional<InteractiveCommand> command = cli.interactiveCommand(request, plan.prompt());
        if (command.isEmpty()) return failed("the " + cli.kind() + " CLI has no interactive mode", FailureKind.TOOL_ERROR);
        session.transcriptSource(command.get().transcript());
        // Paced like batch runs: a terminal UI starting up costs as much CPU as a print-mode CLI.
        session.holdStartSlot(startGate.enter(timers));
        SessionSpawner.Spawned spawned = spawner.spawn(session, command.get().command(),
                agentProperties.logDir().resolve(plan.runId() + ".config").resolve("session.env"));
        if (spawned.failure() != null) {
            session.leaveStartSlot();
            return failed(spawned.failure(), FailureKind.CLI_CRASH);
        }
        session.pid(spawned.pid());
        if (!recorder.processStarted(plan.runId(), plan.jobId(), spawned.pid(), spawned.startedAtMillis())) {
            session.requestStop(StopReason.CANCEL);
        }
        if (plan.timeLimit() != null) {
            timers.schedule(() -> session.requestStop(StopReason.TIME_LIMIT), plan.timeLimit().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return watch.watch(session, cli.newTranscriptParser(request), totals -> cli.interactiveTotals(request, totals));
    }

    private RunOutcome follow(Session session) throws IOException, InterruptedException {
        AgentCli cli = clis.forModel(session.plan.model());
        LaunchRequest request = session.plan.request(null);
        cli.interactiveTranscript(request).ifPresent(session::transcriptSource);
        session.pid(tmux.panePid(session.name).orElse(null));
        return watch.watch(session, cli.newTranscriptParser(request), totals -> cli.interactiveTotals(request, totals));
    }

    private static RunOutcome failed(String message, FailureKind kind) {
        return new RunOutcome(RunStatus.FAILED, null, null, message, null, kind);
    }

    /**
     * Sessions outlive the server by design (tmux keeps them) and only the watching threads stop, unless
     * {@code autodev.agents.stop-on-shutdown} asks for agents to be stopped with the server.
     */
    @PreDestroy
    void stopWatching() throws InterruptedException {
        terminals.detachEverything("the server is stopping");
        if (agentProperties.stopOnShutdown()) {
            List<Session> running = List.copyOf(live.values());
            running.forEach(s -> s.requestStop(StopReason.SHUTDOWN));
            for (Session s : running) s.awaitEnd(agentProperties.stopGrace().toMillis() + 2000);
        }
        runners.shutdownNow();
        timers.shutdownNow();
    }
}

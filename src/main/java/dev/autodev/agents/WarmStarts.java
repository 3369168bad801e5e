package dev.autodev.agents;

import dev.autodev.common.Ids;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Agent CLIs started ahead of their runs. Claude Code spends most of its start-up (loading its code, reading its
 * settings: about half a second of CPU) before it reads its prompt from stdin; a warm start is such a CLI, started for
 * the next run of the same shape (CLI, work dir, model, limits) and waiting at that read. A run of that shape takes it
 * over instead of starting its own, writes its prompt (after a newline the CLI was given at once: it stops waiting
 * for a stdin that sends nothing for 3 s), and reaches its model that much sooner. The warm start brings its own
 * token (written into its MCP config, and in its environment for the lock hook) and session id, and the run takes
 * both over before the CLI reads a byte of its prompt; it connects to MCP only after that.
 *
 * <p>One is started as a run starts (or, if there was no room then, once it is past its start), for that run's shape,
 * at the lower priority agents get past their start, and only while fewer runs are starting than may start at once:
 * it never takes the CPU from a start somebody waits for. At most {@code max}
 * wait at once, one per shape; the oldest gives way to a newer shape once it has waited 30 s, or at once when two runs
 * of the newer shape come in a row. One unused for the idle timeout is stopped, and so are all when the server stops.
 * A server that dies leaves none behind either: a waiting CLI whose stdin closes exits without calling its model.
 */
@Component
public class WarmStarts {

    private static final Logger log = LoggerFactory.getLogger(WarmStarts.class);
    /**
     * How long one waits before a run of another shape may take its place, unless that shape's runs come in a row.
     * Runs of two shapes taking turns (a debate of two models, jobs in two repositories) would otherwise each replace
     * the other's, and every CLI started ahead would be stopped unused.
     */
    private static final Duration REPLACEABLE_AFTER = Duration.ofSeconds(30);

    /** What a run must have in common with a warm start to take it over. */
    record Shape(String cli, Path workDir, String model, Integer maxTurns, Double budgetUsd) {

        /** Empty for a run no warm start can serve: a continued conversation, or a CLI that cannot start ahead. */
        static Optional<Shape> of(AgentCli cli, LaunchRequest request) {
            if (!cli.startsAhead() || request.resume()) return Optional.empty();
            return Optional.of(new Shape(cli.kind(), request.workDir().toAbsolutePath().normalize(), request.model(),
                    request.maxTurns(), request.budgetUsd()));
        }
    }

    /** A CLI waiting for its prompt. */
    record Warm(Shape shape, String id, String sessionId, String token, Process process, RunFiles files,
                Path configDir, Instant startedAt) {}

    private final WarmStartProperties properties;
    private final AgentProperties agents;
    private final AgentConnections connections;
    private final RunTokens tokens;
    private final RunRecorder recorder;
    private final StartGate startGate;
    private final Clock clock;
    private final Map<Shape, Warm> waiting = new LinkedHashMap<>(); // guarded by this
    private boolean oneStarting; // guarded by this: one at a time
    /** The last run that asked for a warm start, its shape, and the shape of the run before it. */
    private String lastRunId; // guarded by this
    private Shape lastShape; // guarded by this
    private Shape shapeBefore; // guarded by this
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("warm-starts").factory());
    private final Counter started;
    private final Counter taken;
    private final Counter stopped;

    WarmStarts(WarmStartProperties properties, AgentProperties agents, AgentConnections connections, RunTokens tokens,
               RunRecorder recorder, StartGate startGate, Clock clock, MeterRegistry registry) {
        this.properties = properties;
        this.agents = agents;
        this.connections = connections;
        this.tokens = tokens;
        this.recorder = recorder;
        this.startGate = startGate;
        this.clock = clock;
        this.started = counter(registry, "started");
        this.taken = counter(registry, "taken");
        this.stopped = counter(registry, "stopped");
        long sweepMillis = Math.max(1_000, Math.min(30_000, properties.idleTimeout().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweepNow, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** {@code autodev.agents.warm_starts{outcome}}: started, taken over by a run, or stopped unused. */
    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("autodev.agents.warm_starts").tag("outcome", outcome)
                .description("Agent CLIs started ahead of their runs, and what became of them").register(registry);
    }

    /**
     * Hands the warm start of the run's shape over to run {@code runId}: the run takes its token and session id, its
     * output files become the run's, and it gets its prompt. Empty when there is none (or it has died), and then the
     * run is as it was.
     */
    Optional<Process> takeOver(AgentCli cli, LaunchRequest request, String runId, String plannedToken, RunFiles files,
                               String prompt) {
        // The prompt reaches the CLI after the newline that kept it waiting, so a slash command would not read as one.
        if (prompt.startsWith("/")) return Optional.empty();
        Optional<Warm> found = Shape.of(cli, request).flatMap(this::remove);
        if (found.isEmpty()) return Optional.empty();
        Warm warm = found.get();
        if (!warm.process().isAlive()) {
            discard(warm, "it had exited");
            return Optional.empty();
        }
        try {
            tokens.assign(runId, warm.token());
            recorder.session(runId, warm.sessionId());
            Files.move(warm.files().stdout(), files.stdout(), StandardCopyOption.REPLACE_EXISTING);
            Files.move(warm.files().stderr(), files.stderr(), StandardCopyOption.REPLACE_EXISTING);
            // Last: the CLI acts on nothing of the run's before it has read its prompt.
            try (OutputStream stdin = warm.process().getOutputStream()) {
                stdin.write(prompt.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("run {} could not take over warm start {}; starting its own CLI: {}", runId, warm.id(), e.toString());
            tokens.assign(runId, plannedToken);
            recorder.session(runId, request.sessionId());
            discard(warm, "the take-over failed");
            return Optional.empty();
        }
        taken.increment();
        log.debug("run {} took over warm start {} (pid {})", runId, warm.id(), warm.process().pid());
        return Optional.of(warm.process());
    }

    /**
     * Starts a CLI for the next run of this run's shape, in the background, unless one waits already, warm starts
     * are off, or runs are starting as many as may at once (theirs go first; the next run of the shape then starts
     * its own).
     */
    void prepare(AgentCli cli, LaunchRequest request) {
        if (properties.max() == 0) return;
        Optional<Shape> shape = Shape.of(cli, request);
        if (shape.isEmpty() || !startGate.hasRoom()) return;
        synchronized (this) {
            if (!request.runId().equals(lastRunId)) { // a run may ask twice: as it starts, and past its start
                shapeBefore = lastShape;
                lastRunId = request.runId();
                lastShape = shape.get();
            }
            boolean inARow = shape.get().equals(shapeBefore);
            if (waiting.containsKey(shape.get()) || oneStarting) return;
            Instant replaceable = clock.instant().minus(REPLACEABLE_AFTER);
            if (waiting.size() >= properties.max() && !inARow
                    && waiting.values().stream().noneMatch(warm -> warm.startedAt().isBefore(replaceable))) {
                return;
            }
            oneStarting = true;
        }
        starter.execute(() -> {
            try {
                start(cli, request, shape.get());
            } finally {
                synchronized (this) {
                    oneStarting = false;
                }
            }
        });
    }

    private void start(AgentCli cli, LaunchRequest like, Shape shape) {
        String id = "warm-" + Ids.newId();
        String token = tokens.newToken();
        String sessionId = Ids.newId();
        LaunchPlan plan = new LaunchPlan(id, null, like.model(), shape.workDir(), "", like.maxTurns(), like.budgetUsd(),
                null, sessionId, null, token);
        Warm warm;
        Process process = null;
        try {
            AgentConnection connection = connections.open(plan);
            LaunchCommand command = cli.command(plan.request(connection));
            RunFiles files = RunFiles.existing(agents.logDir(), id);
            // Nicer than the server from the first instant: its start-up must not slow the start of a run being waited
            // for. The run that takes it over keeps it at that priority, as it would be once past its start anyway.
            process = RunProcesses.builder(command, files, id, agents.niceness())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            // The CLI gives up on a stdin that sends nothing for 3 s; once something came it reads to the end, however
            // long that takes. So a newline goes first: the prompt then starts on the line after it.
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
            warm = new Warm(shape, id, sessionId, token, process, files, connection.configDir(), clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("could not start a CLI ahead of its run in {}: {}", shape.workDir(), e.toString());
            if (process != null) ProcessGroups.kill(process.toHandle());
            return;
        }
        started.increment();
        Warm replaced;
        synchronized (this) {
            replaced = waiting.put(shape, warm);
            if (replaced == null && waiting.size() > properties.max()) {
                Shape oldest = waiting.values().stream().min(Comparator.comparing(Warm::startedAt)).orElseThrow().shape();
                replaced = waiting.remove(oldest);
            }
        }
        if (replaced != null) discard(replaced, "a newer one took its place");
    }

    private synchronized Optional<Warm> remove(Shape shape) {
        return Optional.ofNullable(waiting.remove(shape));
    }

    private void sweepNow() {
        sweep(clock.instant());
    }

    /** Stops the ones idle for too long at {@code now}, and forgets the ones that exited on their own. */
    void sweep(Instant now) {
        Instant idleSince = now.minus(properties.idleTimeout());
        List<Warm> gone = new ArrayList<>();
        synchronized (this) {
            waiting.values().removeIf(warm -> {
                boolean drop = warm.startedAt().isBefore(idleSince) || !warm.process().isAlive();
                if (drop) gone.add(warm);
                return drop;
            });
        }
        gone.forEach(warm -> discard(warm, warm.process().isAlive() ? "it waited unused too long" : "it had exited"));
    }

    private void discard(Warm warm, String why) {
        log.debug("stopping warm start {}: {}", warm.id(), why);
        ProcessGroups.kill(warm.process().toHandle());
        stopped.increment();
        try {
            Files.deleteIfExists(warm.files().stdout());
            Files.deleteIfExists(warm.files().stderr());
            if (Files.isDirectory(warm.configDir())) {
                try (Stream<Path> files = Files.list(warm.configDir())) {
                    for (Path file : files.toList()) Files.deleteIfExists(file);
                }
                Files.deleteIfExists(warm.configDir());
            }
        } catch (IOException e) {
            log.debug("could not remove the files of warm start {}: {}", warm.id(), e.toString());
        }
    }

    @PreDestroy
    void stopAll() {
        sweeper.shutdownNow();
        starter.shutdownNow();
        List<Warm> all;
        synchronized (this) {
            all = List.copyOf(waiting.values());
            waiting.clear();
        }
        all.forEach(warm -> discard(warm, "the server is stopping"));
    }
}

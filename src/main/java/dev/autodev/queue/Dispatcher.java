package dev.autodev.queue;

import dev.autodev.agents.LaunchPlan;
import dev.autodev.common.BackgroundLoop;
import dev.autodev.agents.RunChanged;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunSupervisor;
import dev.autodev.interactive.InteractiveSupervisor;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobLifecycle;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import dev.autodev.settings.SettingsChanged;
import dev.autodev.settings.SettingsService;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts queued jobs as soon as they can run: highest priority first, dependencies done, scheduled time reached,
 * and never more active runs than the settings allow. A single thread runs dispatch passes; any change that might
 * free a slot or make a job runnable wakes it at once, and a periodic sweep backs the events up.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JobRepository jobs;
    private final JobLifecycle jobLifecycle;
    private final RunRepository runs;
    private final RunLifecycle runLifecycle;
    private final RunSupervisor supervisor;
    private final InteractiveSupervisor interactive;
    private final SettingsService settings;
    private final LaunchPlans plans;
    private final StartupRecovery recovery;
    private final QueueProperties properties;
    private final TransactionTemplate tx;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final BackgroundLoop loop = new BackgroundLoop("dispatcher", log,
            "dispatch pass failed; the next signal or sweep retries", this::dispatchOnce);
    // Made on start, not here: a stopped dispatcher can be started again (Spring's tests pause idle contexts), and a
    // shut-down executor refuses every wake-up after that.
    private volatile ScheduledExecutorService timer;
    private volatile ScheduledFuture<?> nextScheduledWake;

    Dispatcher(JobRepository jobs, JobLifecycle jobLifecycle, RunRepository runs, RunLifecycle runLifecycle,
               RunSupervisor supervisor, InteractiveSupervisor interactive, SettingsService settings, LaunchPlans plans,
               StartupRecovery recovery, QueueProperties properties, TransactionTemplate tx, DispatchMetrics metrics,
               Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jobs = jobs;
        this.jobLifecycle = jobLifecycle;
        this.runs = runs;
        this.runLifecycle = runLifecycle;
        this.supervisor = supervisor;
        this.interactive = interactive;
        this.settings = settings;
        this.plans = plans;
        this.recovery = recovery;
        this.properties = properties;
        this.tx = tx;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Asks for a dispatch pass. Cheap and safe to call from anywhere; many calls coalesce into one pass. */
    void signal() {
        loop.signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        if (event.status().isTerminal()) signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SettingsChanged event) {
        signal();
    }

    @Scheduled(fixedDelayString = "${autodev.queue.sweep-interval:2s}")
    void sweep() {
        signal();
    }

    /** One pass over the due jobs. Public to the package so tests and the loop share one code path. */
    void dispatchOnce() {
        long now = clock.millis();
        int maxAgents = settings.maxConcurrentAgents();
        int free = maxAgents - runs.countActive();
        for (Job job : jobs.due(now, properties.batchSize())) {
            Map<String, JobStatus> dependencies = jobs.dependencyStates(job.id());
            Optional<Map.Entry<String, JobStatus>> broken = dependencies.entrySet().stream()
                    .filter(d -> d.getValue() == JobStatus.FAILED || d.getValue() == JobStatus.CANCELLED).findFirst();
            if (broken.isPresent()) {
                String reason = "dependency " + broken.get().getKey() + " " + broken.get().getValue().wireName();
                tx.executeWithoutResult(s -> jobLifecycle.move(job.id(), JobStatus.QUEUED, JobStatus.FAILED, reason));
                continue;
            }
            // An interactive job also waits while the sessions are all taken (autodev.interactive.max-sessions).
            String wait = QueueReasons.of(job, dependencies,
                    new QueueReasons.Room(free, maxAgents, interactive.hasRoom(), interactive.maxSessions()));
            noteQueueReason(job, wait);
            if (wait != null) continue;
            String memory = plans.memoryFor(job);
            LaunchPlan plan = tx.execute(s -> claim(job, memory));
            if (plan != null) {
                metrics.dispatched(job, clock.millis());
                if (job.interactive()) interactive.launch(plan);
                else supervisor.launch(plan);
                free--;
            }
        }
        scheduleWakeForNextScheduledJob(now);
    }

    /** Tells the card why the job waits (or that it no longer does); the move out of the queue clears it too. */
    private void noteQueueReason(Job job, String reason) {
        if (java.util.Objects.equals(job.queueReason(), reason)) return;
        if (jobs.noteQueueReason(job.id(), reason)) events.publishEvent(new JobChanged(job.id(), JobStatus.QUEUED));
    }

    private LaunchPlan claim(Job job, String memory) {
        if (!jobLifecycle.move(job.id(), JobStatus.QUEUED, JobStatus.RUNNING, "dispatched")) return null;
        return runLifecycle.createStarting(plans.fresh(job, memory), supervisorKind(job), clock.millis(), "dispatched");
    }

    private String supervisorKind(Job job) {
        return supervisor.kindFor(job.model());
    }

    private void scheduleWakeForNextScheduledJob(long now) {
        Optional<Long> next = jobs.nextScheduledAfter(now);
        ScheduledFuture<?> previous = nextScheduledWake;
        if (previous != null) previous.cancel(false);
        ScheduledExecutorService wakeTimer = timer;
        if (wakeTimer == null || wakeTimer.isShutdown()) return; // stopping: the next start looks again
        next.ifPresent(at -> nextScheduledWake = wakeTimer.schedule(this::signal, at - now, TimeUnit.MILLISECONDS));
    }

    @Override
    public void start() {
        recovery.recover();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("dispatch-timer").factory());
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        ScheduledExecutorService wakeTimer = timer;
        if (wakeTimer != null) wakeTimer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}

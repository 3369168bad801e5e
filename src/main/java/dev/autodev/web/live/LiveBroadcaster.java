package dev.autodev.web.live;

import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.EventRepository;
import dev.autodev.agents.RunChanged;
import dev.autodev.agents.RunOutputAppended;
import dev.autodev.agents.RunRepository;
import dev.autodev.debates.DebateChanged;
import dev.autodev.debates.DebateService;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobRepository;
import dev.autodev.kb.KbChanged;
import dev.autodev.kb.KnowledgeBase;
import dev.autodev.locks.FileLockRegistry;
import dev.autodev.locks.LocksChanged;
import dev.autodev.notes.NoteService;
import dev.autodev.notes.NoteWritten;
import dev.autodev.questions.QuestionAnswered;
import dev.autodev.questions.QuestionAsked;
import dev.autodev.questions.QuestionClosed;
import dev.autodev.questions.QuestionService;
import dev.autodev.settings.SettingsChanged;
import dev.autodev.settings.SettingsService;
import dev.autodev.workflows.WorkflowChanged;
import dev.autodev.workflows.WorkflowService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into live frames on {@code /topic/live}. Events are only noted (after their transaction
 * commits); a flush one interval later reads the fresh rows and sends them as one frame, so a burst of output from
 * many agents costs the browser a few frames, and a listener never blocks the code that published the event. With
 * nobody subscribed ({@link LiveSubscribers}) the flush reads nothing.
 */
@Component
class LiveBroadcaster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);

    private final SimpMessagingTemplate broker;
    private final JsonMapper json;
    private final LiveProperties properties;
    private final JobRepository jobs;
    private final RunRepository runs;
    private final EventRepository events;
    private final QuestionService questions;
    private final FileLockRegistry locks;
    private final NoteService notes;
    private final SettingsService settings;
    private final DebateService debates;
    private final WorkflowService workflows;
    private final KnowledgeBase kb;
    private final LiveSubscribers subscribers;
    private final AtomicLong version = new AtomicLong();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-flush").daemon().factory());

    private PendingChanges pending = new PendingChanges();
    private boolean flushScheduled;

    LiveBroadcaster(SimpMessagingTemplate broker, JsonMapper json, LiveProperties properties, JobRepository jobs,
                    RunRepository runs, EventRepository events, QuestionService questions, FileLockRegistry locks,
                    NoteService notes, SettingsService settings, DebateService debates, WorkflowService workflows,
                    KnowledgeBase kb, LiveSubscribers subscribers) {
        this.broker = broker;
        this.json = json;
        this.properties = properties;
        this.jobs = jobs;
        this.runs = runs;
        this.events = events;
        this.questions = questions;
        this.locks = locks;
        this.notes = notes;
        this.settings = settings;
        this.debates = debates;
        this.workflows = workflows;
        this.kb = kb;
        this.subscribers = subscribers;
    }

    /** The number of the last frame sent; a snapshot carries it so a client can tell which frames it already has. */
    long version() {
        return version.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        note(p -> p.job(event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        note(p -> p.run(event.runId(), event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunOutputAppended event) {
        note(p -> p.output(event.runId(), event.fromSeq(), event.toSeq()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LocksChanged event) {
        note(p -> p.locks = true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NoteWritten event) {
        note(p -> p.noteKeys.add(event.key()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionAsked event) {
        note(p -> p.question(event.questionId(), event.runId(), event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionAnswered event) {
        note(p -> p.question(event.questionId(), event.runId(), event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionClosed event) {
        note(p -> p.question(event.questionId(), event.runId(), event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkflowChanged event) {
        note(p -> p.workflowIds.add(event.workflowId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KbChanged event) {
        note(p -> p.kbEntryIds.add(event.entryId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SettingsChanged event) {
        note(p -> p.settings = true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DebateChanged event) {
        note(p -> p.debateIds.add(event.debateId()));
    }

    private void note(java.util.function.Consumer<PendingChanges> change) {
        synchronized (this) {
            change.accept(pending);
            if (flushScheduled) return;
            flushScheduled = true;
        }
        try {
            flusher.schedule(this::flush, properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the app is stopping; nobody is left to tell
        }
    }

    private void flush() {
        PendingChanges changes;
        synchronized (this) {
            changes = pending;
            pending = new PendingChanges();
            flushScheduled = false;
        }
        if (changes.isEmpty()) return;
        if (!subscribers.any()) {
            // Nobody would receive the frame: its number is still taken, so frame numbers keep counting changes.
            version.incrementAndGet();
            return;
        }
        try {
            List<LiveMessage> messages = read(changes);
            if (!messages.isEmpty()) send(new LiveMessage.Frame(version.incrementAndGet(), messages));
        } catch (RuntimeException e) {
            log.warn("live update failed; clients catch up on their next snapshot", e);
        }
    }

    private List<LiveMessage> read(PendingChanges changes) {
        List<LiveMessage> messages = new ArrayList<>();
        if (changes.settings) messages.add(new LiveMessage.SettingsMessage(settings.current()));
        changes.jobIds.forEach(id -> jobs.find(id).ifPresent(job -> messages.add(new LiveMessage.JobMessage(job))));
        changes.runIds.forEach(id -> runs.find(id).ifPresent(run -> messages.add(new LiveMessage.RunMessage(run))));
        changes.questionIds.forEach(id -> messages.add(new LiveMessage.QuestionMessage(questions.get(id))));
        if (changes.locks) messages.add(new LiveMessage.LocksMessage(locks.list()));
        changes.noteKeys.forEach(key -> notes.read(key).ifPresent(note -> messages.add(new LiveMessage.NoteMessage(note))));
        changes.debateIds.forEach(id -> debates.find(id).ifPresent(d -> messages.add(new LiveMessage.DebateMessage(d))));
        changes.workflowIds.forEach(id -> workflows.summary(id).ifPresent(w -> messages.add(new LiveMessage.WorkflowMessage(w))));
        // Read as it is at the flush: an entry added and deleted within one interval is sent as removed only.
        changes.kbEntryIds.forEach(id -> messages.add(kb.find(id).<LiveMessage>map(LiveMessage.KbEntryMessage::new)
                .orElseGet(() -> new LiveMessage.KbEntryRemovedMessage(id))));
        for (Map.Entry<String, long[]> range : changes.outputRanges.entrySet()) {
            long from = range.getValue()[0];
            long to = range.getValue()[1];
            int limit = properties.maxOutputBatch();
            List<AgentEvent> batch = events.page(range.getKey(), from - 1, limit);
            boolean more = !batch.isEmpty() && batch.getLast().seq() < to;
            messages.add(new LiveMessage.OutputMessage(range.getKey(), batch, more));
        }
        return messages;
    }

    /** Serialised here with the app's mapper, so a frame's rows look exactly like the REST API's. */
    private void send(LiveMessage.Frame frame) {
        byte[] body = json.writeValueAsString(frame).getBytes(StandardCharsets.UTF_8);
        broker.send(LiveConfig.TOPIC, MessageBuilder.withPayload(body)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON).build());
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
    }
}

package dev.autodev.notes;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.GroupCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The shared scratchpad: agents write results under namespaced keys and others read or wait for them. Waiting is
 * event-driven: a watch sleeps until a write it cares about commits, never on a polling tick.
 */
@Service
public class NoteService {

    /** The longest one watch call blocks; MCP clients give up on a call after about two minutes. */
    public static final Duration MAX_WATCH = Duration.ofSeconds(100);
    static final int MAX_LIST = 1000;

    private final NoteRepository notes;
    private final NoteWatchers watchers;
    private final ApplicationEventPublisher events;
    private final GroupCommit commits;
    private final Clock clock;

    NoteService(NoteRepository notes, NoteWatchers watchers, ApplicationEventPublisher events, GroupCommit commits,
                Clock clock) {
        this.notes = notes;
        this.commits = commits;
        this.watchers = watchers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates or replaces the note at {@code key}. {@code writer} is the calling agent, or null for a person. Agents
     * write notes in bursts, so the write shares its commit with others queued at the same moment.
     */
    public Note write(AgentIdentity writer, String key, String value) {
        Note note = new Note(NoteKeys.key("key", key), NoteKeys.value(value), writer == null ? null : writer.runId(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return commits.run(() -> {
            notes.upsert(note);
            events.publishEvent(new NoteWritten(note.key()));
            return note;
        });
    }

    public Optional<Note> read(String key) {
        return notes.find(NoteKeys.key("key", key));
    }

    /** Notes whose key starts with {@code prefix} (all when blank), in key order, at most {@value #MAX_LIST}. */
    public List<Note> list(String prefix) {
        return notes.underPrefix(NoteKeys.prefix("prefix", prefix), null, MAX_LIST);
    }

    /**
     * Blocks until every one of {@code keys} exists, or with a {@code prefix} until any note under it exists; with
     * {@code untilValue}, until they hold exactly that value. Returns at once when that is already so. Waits at most
     * {@code timeout} (null or longer than {@link #MAX_WATCH} means {@link #MAX_WATCH}), then reports what is missing.
     */
    public WatchResult watch(List<String> keys, String prefix, String untilValue, Duration timeout)
            throws InterruptedException {
        NoteWatch watch = NoteWatch.of(keys, prefix, untilValue);
        Duration limit = limit(timeout);
        // Deadlines use the monotonic clock: waiting is about elapsed time, not the wall clock tests may move.
        long deadline = System.nanoTime() + limit.toNanos();
        NoteWatchers.Waiter waiter = watchers.register(watch);
        try {
            while (true) {
                NoteWatch.Progress progress = watch.check(notes);
                if (progress.complete()) return WatchResult.done(progress.found());
                long left = deadline - System.nanoTime();
                if (left <= 0 || !waiter.awaitPoke(left)) {
                    progress = watch.check(notes);
                    if (progress.complete()) return WatchResult.done(progress.found());
                    String message = timedOutMessage(watch.describeMissing(progress), limit);
                    return new WatchResult(true, progress.found(), progress.missing(), message);
                }
            }
        } finally {
            watchers.unregister(waiter);
        }
    }

    private static Duration limit(Duration timeout) {
        if (timeout == null) return MAX_WATCH;
        if (timeout.isNegative()) throw new BadRequest("timeout_ms", "must be 0 or more");
        return timeout.compareTo(MAX_WATCH) > 0 ? MAX_WATCH : timeout;
    }

    private static String timedOutMessage(String missing, Duration waited) {
        return "waited " + waited.toMillis() + " ms; still waiting for " + missing
                + ". Nothing is wrong: call watch_notes again to keep waiting (one call waits at most "
                + MAX_WATCH.toSeconds() + " s).";
    }
}

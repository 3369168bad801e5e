package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.GroupCommit;
import dev.autodev.locks.LocksChanged.Change;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Exclusive file locks for agents: a run must hold a lock covering a file before it edits it. Taking locks is
 * all-or-nothing and blocks until every requested file is free; waiters sleep on one condition that every change
 * signals, so they wake as soon as a lock is released. A run that would wait for a run that (through others) waits
 * for it is told {@code deadlock_detected} at once rather than left hanging.
 *
 * <p>One monitor guards all of it. Decisions are fast and in memory, and take effect there at once; the SQLite
 * writes they lead to are queued in the same order and waited for after the monitor is let go, so many agents'
 * locks share commits instead of each holding the monitor through one of its own. A call answers only once its
 * change is stored.
 */
@Service
public class FileLockRegistry {

    private final LockStore store;
    private final LockProperties properties;
    private final LockEventPublisher publisher;
    private final ReentrantLock monitor = new ReentrantLock();
    private final Condition changed = monitor.newCondition();
    private final List<Waiter> waiters = new ArrayList<>(); // guarded by monitor

    FileLockRegistry(LockStore store, LockProperties properties, LockEventPublisher publisher) {
        this.store = store;
        this.properties = properties;
        this.publisher = publisher;
    }

    /**
     * Locks every one of {@code files} for {@code caller}, or none of them. Files are paths (relative ones are resolved
     * against the caller's work dir) or {@code checkout::<dir>} for a whole directory tree. Files the caller already
     * holds are refreshed. Waits up to {@code timeout} (default and cap in {@link LockProperties}) for other runs to
     * let go; {@code ttl} (default 10 minutes) is how long the locks last unless taken again.
     *
     * @throws IllegalArgumentException when no files are given or a path is unusable
     * @throws IllegalStateException    when the caller's run has ended
     */
    public LockResult acquire(AgentIdentity caller, List<String> files, String reason, Duration ttl, Duration timeout) {
        List<LockTarget> targets = targets(caller, files);
        Duration lifetime = properties.ttl(ttl);
        long started = System.nanoTime();
        long deadline = started + properties.timeout(timeout).toNanos();
        Waiter me = new Waiter(caller.runId(), targets);
        return this.<Supplier<LockResult>>guarded(() -> {
            try {
                while (true) {
                    if (me.aborted) throw new IllegalStateException("run " + caller.runId() + " ended while waiting for locks");
                    LockTable table = store.live();
                    List<FileLock> conflicts = table.conflicts(caller.runId(), targets);
                    if (conflicts.isEmpty()) {
                        // Announcing it (below) also wakes waiters that may now wait for us, to check for a cycle.
                        LockStore.Grant grant = store.grant(caller, targets, blankToNull(reason), lifetime);
                        return () -> new LockResult.Acquired(stored(grant));
                    }
                    if (!waiters.contains(me)) waiters.add(me);
                    Optional<List<String>> cycle = WaitForGraph.cycleThrough(caller.runId(), waitForEdges(table));
                    if (cycle.isPresent()) return answer(new LockResult.DeadlockDetected(conflicts, cycle.get()));
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return answer(new LockResult.TimedOut(conflicts, Duration.ofNanos(System.nanoTime() - started)));
                    announceChanges(); // e.g. expired locks removed above, before sleeping on them
                    changed.awaitNanos(Math.min(left, untilFirstExpiry(conflicts)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: report what stood in the way
                return answer(new LockResult.TimedOut(store.live().conflicts(caller.runId(), targets),
                        Duration.ofNanos(System.nanoTime() - started)));
            } finally {
                waiters.remove(me);
            }
        }).get();
    }

    /** Waits, outside the monitor, until a grant is stored; one that could not be is taken back and fails. */
    private List<FileLock> stored(LockStore.Grant grant) {
        try {
            GroupCommit.await(grant.stored());
            return grant.locks();
        } catch (RuntimeException e) {
            guarded(() -> {
                store.undo(grant);
                return null;
            });
            throw e;
        }
    }

    /** An answer that is ready now; {@link #guarded} callers that changed nothing return it. */
    private static <T> Supplier<T> answer(T result) {
        return () -> result;
    }

    /** An answer to give once {@code store} is done, which the caller waits for after letting go of the monitor. */
    private static <T> Supplier<T> storedThen(CompletableFuture<Void> store, T result) {
        return () -> {
            GroupCommit.await(store);
            return result;
        };
    }

    /**
     * Releases the caller's own locks on {@code files}; with no files, all of them. Another run's lock is never
     * touched: it is reported in {@link ReleaseResult#notReleased()} with who holds it.
     */
    public ReleaseResult release(AgentIdentity caller, List<String> files) {
        return this.<Supplier<ReleaseResult>>guarded(() -> {
            LockTable table = store.live();
            if (files == null || files.isEmpty()) {
                List<FileLock> mine = table.ofRun(caller.runId());
                return storedThen(store.remove(mine, Change.RELEASED), new ReleaseResult(mine, List.of()));
            }
            List<FileLock> released = new ArrayList<>();
            List<ReleaseResult.NotReleased> kept = new ArrayList<>();
            for (String file : files) {
                try {
                    LockTarget target = LockTarget.parse(file, caller.workDir());
                    Optional<FileLock> own = table.own(caller.runId(), target);
                    if (own.isPresent()) {
                        if (!released.contains(own.get())) released.add(own.get());
                    } else {
                        kept.add(new ReleaseResult.NotReleased(target.display(), whyNotReleased(table, caller, target)));
                    }
                } catch (IllegalArgumentException e) {
                    kept.add(new ReleaseResult.NotReleased(file, e.getMessage()));
                }
            }
            return storedThen(store.remove(released, Change.RELEASED), new ReleaseResult(released, kept));
        }).get();
    }

    /** Drops every lock of a run and stops its waits; called when the run ends, whatever the reason. */
    public List<FileLock> releaseAll(String runId) {
        return this.<Supplier<List<FileLock>>>guarded(() -> {
            waiters.stream().filter(w -> w.runId.equals(runId)).forEach(w -> w.aborted = true);
            changed.signalAll(); // its waiting calls give up now, not at their timeout
            List<FileLock> locks = store.live().ofRun(runId);
            return storedThen(store.remove(locks, Change.RUN_ENDED), locks);
        }).get();
    }

    /** Removes one lock whoever holds it (a person's decision, over REST); empty when there is no such lock. */
    public Optional<FileLock> forceRelease(String lockId) {
        return this.<Supplier<Optional<FileLock>>>guarded(() -> {
            Optional<FileLock> lock = store.live().byId(lockId);
            if (lock.isEmpty()) return answer(lock);
            return storedThen(store.remove(List.of(lock.get()), Change.FORCE_RELEASED), lock);
        }).get();
    }

    /** Every lock held now, oldest first. */
    public List<FileLock> list() {
        return guarded(() -> store.live().all());
    }

    /** Drops locks whose TTL ran out; waiting calls notice on their own, this keeps the stored list and the dashboard current. */
    public void purgeExpired() {
        guarded(store::live);
    }

    /** Whether {@code runId} holds a lock covering {@code file} (absolute; normalised here). */
    public boolean holds(String runId, Path file) {
        Path normalised = LockTarget.absolute(file.toString(), null);
        return guarded(() -> store.live().covering(runId, normalised).filter(l -> l.runId().equals(runId)).isPresent());
    }

    /** The lock hook's question: may {@code caller} edit {@code file} (relative to its work dir) now, and if not, why. */
    public LockCheck check(AgentIdentity caller, String file) {
        Path path = LockTarget.absolute(file, caller.workDir());
        Optional<FileLock> lock = guarded(() -> store.live().covering(caller.runId(), path));
        return LockMessages.check(caller, path, lock);
    }

    /** Whether a call of {@code runId} is waiting for locks now. */
    boolean isWaiting(String runId) {
        return guarded(() -> waiters.stream().anyMatch(w -> w.runId.equals(runId)));
    }

    private <T> T guarded(Supplier<T> action) {
        monitor.lock();
        try {
            return action.get();
        } finally {
            announceChanges();
            monitor.unlock();
        }
    }

    /**
     * Wakes waiters when something was freed or taken (so they retry, or check whether they now close a cycle) and
     * hands the change events to the publisher thread, so listeners never run under the monitor. Call it holding
     * the monitor.
     */
    private void announceChanges() {
        List<LocksChanged> changes = store.drainEvents();
        if (changes.isEmpty()) return;
        changed.signalAll();
        publisher.publish(changes);
    }

    private Map<String, Set<String>> waitForEdges(LockTable table) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Waiter waiter : waiters) {
            edges.computeIfAbsent(waiter.runId, run -> new LinkedHashSet<>()).addAll(table.blockers(waiter.runId, waiter.targets));
        }
        return edges;
    }

    private long untilFirstExpiry(List<FileLock> conflicts) {
        Instant now = store.now();
        Instant first = conflicts.stream().map(FileLock::expiresAt).min(Instant::compareTo).orElse(now);
        long millis = Math.max(1, Duration.between(now, first).toMillis() + 1);
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static String whyNotReleased(LockTable table, AgentIdentity caller, LockTarget target) {
        return LockMessages.notReleased(table.conflicts(caller.runId(), List.of(target)),
                table.ofRun(caller.runId()).stream().filter(l -> l.target().overlaps(target)).toList());
    }

    private static List<LockTarget> targets(AgentIdentity caller, List<String> files) {
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("name at least one file to lock");
        Set<LockTarget> targets = new LinkedHashSet<>();
        for (String file : files) targets.add(LockTarget.parse(file, caller.workDir()));
        return List.copyOf(targets);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One call waiting in {@link #acquire}: its run and what it wants. */
    private static final class Waiter {
        final String runId;
        final List<LockTarget> targets;
        boolean aborted; // guarded by monitor

        Waiter(String runId, List<LockTarget> targets) {
            this.runId = runId;
            this.targets = targets;
        }
    }
}

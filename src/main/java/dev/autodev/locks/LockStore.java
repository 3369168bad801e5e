package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.GroupCommit;
import dev.autodev.common.Ids;
import dev.autodev.locks.LocksChanged.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The held locks, in memory and in SQLite. Memory decides: a change applies there at once, under the registry's
 * monitor, and is queued for SQLite in the same order ({@link GroupCommit}, so locks taken together share a
 * commit). Callers wait for the store only after letting go of the monitor, and undo a grant whose store failed.
 * Not thread-safe; only {@link FileLockRegistry} calls it, under its monitor. Changes are collected as
 * {@link LocksChanged} events for the registry to publish once it has let go of the monitor.
 */
@Component
class LockStore {

    private static final Logger log = LoggerFactory.getLogger(LockStore.class);

    private final LockRepository repository;
    private final TransactionTemplate tx;
    private final GroupCommit commits;
    private final Clock clock;
    private final LockTable table = new LockTable();
    private final List<LocksChanged> pending = new ArrayList<>();
    private boolean loaded;

    LockStore(LockRepository repository, TransactionTemplate tx, GroupCommit commits, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.commits = commits;
        this.clock = clock;
    }

    /** Locks just granted, the ones they replaced (refreshed locks' earlier terms), and their store in SQLite. */
    record Grant(List<FileLock> locks, List<FileLock> replaced, CompletableFuture<Void> stored) {}

    /** The table with expired locks removed, loading what an earlier server left behind on first use. */
    LockTable live() {
        if (!loaded) {
            long now = clock.millis();
            tx.execute(status -> repository.loadLive(now)).forEach(table::put);
            loaded = true;
        }
        List<FileLock> expired = table.expired(now());
        if (!expired.isEmpty()) {
            // Nobody waits for this store; should it fail, the rows go when the next server loads them, expired.
            remove(expired, Change.EXPIRED).exceptionally(e -> {
                log.warn("could not delete {} expired locks", expired.size(), e);
                return null;
            });
        }
        return table;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Takes or refreshes a lock on each target for {@code caller}; the caller has checked that no other run holds
     * any of them. The store is refused when the run has ended meanwhile, so a late call cannot leave locks nobody
     * will release; the caller then {@link #undo}es the grant.
     */
    Grant grant(AgentIdentity caller, List<LockTarget> targets, String reason, Duration ttl) {
        Instant now = now();
        Instant expiry = now.plus(ttl);
        List<FileLock> granted = new ArrayList<>();
        List<FileLock> created = new ArrayList<>();
        List<FileLock> refreshed = new ArrayList<>();
        List<FileLock> replaced = new ArrayList<>();
        for (LockTarget target : targets) {
            var held = table.own(caller.runId(), target);
            FileLock lock = held.map(h -> h.expiringAt(expiry, reason == null ? h.reason() : reason))
                    .orElseGet(() -> new FileLock(Ids.newId(), target.path().toString(), target.directory(),
                            caller.runId(), caller.jobId(), reason, now, expiry));
            granted.add(lock);
            if (held.isPresent() && table.byId(lock.id()).isPresent()) {
                refreshed.add(lock);
                replaced.add(held.get());
            } else {
                created.add(lock);
            }
        }
        CompletableFuture<Void> stored = queue(() -> {
            if (!repository.runIsActive(caller.runId())) {
                throw new IllegalStateException("run " + caller.runId() + " is not active, so it cannot take locks");
            }
            created.forEach(repository::insert);
            refreshed.forEach(repository::refresh);
            return null;
        });
        granted.forEach(table::put);
        pending.add(new LocksChanged(Change.ACQUIRED, List.copyOf(granted)));
        return new Grant(List.copyOf(granted), List.copyOf(replaced), stored);
    }

    /**
     * Takes back a grant whose store failed: new locks go, refreshed ones get their earlier terms back. A lock
     * that changed since (released, or taken again) is left as it is now.
     */
    void undo(Grant grant) {
        Map<String, FileLock> earlier = new HashMap<>();
        grant.replaced().forEach(lock -> earlier.put(lock.id(), lock));
        List<FileLock> gone = new ArrayList<>();
        for (FileLock lock : grant.locks()) {
            if (table.byId(lock.id()).filter(lock::equals).isEmpty()) continue;
            FileLock before = earlier.get(lock.id());
            if (before == null) gone.add(lock);
            else table.put(before);
        }
        table.remove(gone);
        if (!gone.isEmpty()) pending.add(new LocksChanged(Change.RELEASED, List.copyOf(gone)));
    }

    /** Drops {@code locks} from memory now; the future completes once SQLite has them gone too. */
    CompletableFuture<Void> remove(List<FileLock> locks, Change change) {
        if (locks.isEmpty()) return CompletableFuture.completedFuture(null);
        List<FileLock> removed = List.copyOf(locks);
        table.remove(removed);
        pending.add(new LocksChanged(change, removed));
        return queue(() -> {
            repository.delete(removed);
            return null;
        });
    }

    /**
     * Queues a store behind the ones before it. Inside a caller's transaction {@link GroupCommit} would run it at once,
     * ahead of stores still queued (a delete before its insert), so that is refused rather than risked.
     */
    private CompletableFuture<Void> queue(Supplier<Void> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lock changes are stored in the order they happen; call the lock registry"
                    + " outside a transaction");
        }
        return commits.submit(write);
    }

    /** The changes since the last call, oldest first. */
    List<LocksChanged> drainEvents() {
        List<LocksChanged> events = List.copyOf(pending);
        pending.clear();
        return events;
    }
}

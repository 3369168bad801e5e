package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.Ids;
import dev.autodev.locks.LocksChanged.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The held locks, in memory and in SQLite together: every change is stored in one transaction first and applied to
 * memory only once that succeeded. Not thread-safe; only {@link FileLockRegistry} calls it, under its monitor. Changes
 * are collected as {@link LocksChanged} events for the registry to publish once it has let go of the monitor.
 */
@Component
class LockStore {

    private final LockRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LockTable table = new LockTable();
    private final List<LocksChanged> pending = new ArrayList<>();
    private boolean loaded;

    LockStore(LockRepository repository, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    /** The table with expired locks removed, loading what an earlier server left behind on first use. */
    LockTable live() {
        if (!loaded) {
            long now = clock.millis();
            tx.execute(status -> repository.loadLive(now)).forEach(table::put);
            loaded = true;
        }
        List<FileLock> expired = table.expired(now());
        if (!expired.isEmpty()) remove(expired, Change.EXPIRED);
        return table;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Takes or refreshes a lock on each target for {@code caller}; the caller has checked that no other run holds
     * any of them. Refused when the run has ended meanwhile, so a late call cannot leave locks nobody will release.
     */
    List<FileLock> grant(AgentIdentity caller, List<LockTarget> targets, String reason, Duration ttl) {
        Instant now = now();
        Instant expiry = now.plus(ttl);
        List<FileLock> granted = new ArrayList<>();
        List<FileLock> created = new ArrayList<>();
        List<FileLock> refreshed = new ArrayList<>();
        for (LockTarget target : targets) {
            FileLock lock = table.own(caller.runId(), target)
                    .map(held -> held.expiringAt(expiry, reason == null ? held.reason() : reason))
                    .orElseGet(() -> new FileLock(Ids.newId(), target.path().toString(), target.directory(),
                            caller.runId(), caller.jobId(), reason, now, expiry));
            granted.add(lock);
            (table.byId(lock.id()).isEmpty() ? created : refreshed).add(lock);
        }
        tx.executeWithoutResult(status -> {
            if (!repository.runIsActive(caller.runId())) {
                throw new IllegalStateException("run " + caller.runId() + " is not active, so it cannot take locks");
            }
            created.forEach(repository::insert);
            refreshed.forEach(repository::refresh);
        });
        granted.forEach(table::put);
        pending.add(new LocksChanged(Change.ACQUIRED, List.copyOf(granted)));
        return granted;
    }

    void remove(List<FileLock> locks, Change change) {
        if (locks.isEmpty()) return;
        tx.executeWithoutResult(status -> repository.delete(locks));
        table.remove(locks);
        pending.add(new LocksChanged(change, List.copyOf(locks)));
    }

    /** The changes since the last call, oldest first. */
    List<LocksChanged> drainEvents() {
        List<LocksChanged> events = List.copyOf(pending);
        pending.clear();
        return events;
    }
}

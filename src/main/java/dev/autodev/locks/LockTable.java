package dev.autodev.locks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The locks held right now, in memory, for the questions asked while deciding and waiting. Not thread-safe: the
 * registry guards it with its monitor. A linear scan is fine at the scale of tens of agents holding a few locks each.
 */
final class LockTable {

    private final Map<String, FileLock> byId = new LinkedHashMap<>();

    void put(FileLock lock) {
        byId.put(lock.id(), lock);
    }

    void remove(Collection<FileLock> locks) {
        locks.forEach(lock -> byId.remove(lock.id()));
    }

    Optional<FileLock> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<FileLock> all() {
        return List.copyOf(byId.values());
    }

    List<FileLock> ofRun(String runId) {
        return byId.values().stream().filter(lock -> lock.runId().equals(runId)).toList();
    }

    List<FileLock> expired(Instant now) {
        return byId.values().stream().filter(lock -> lock.expiredAt(now)).toList();
    }

    /** The lock {@code runId} holds on exactly this target, if any. */
    Optional<FileLock> own(String runId, LockTarget target) {
        return byId.values().stream()
                .filter(lock -> lock.runId().equals(runId) && lock.target().equals(target))
                .findFirst();
    }

    /** Other runs' locks that stand in the way of {@code runId} taking all of {@code targets}. */
    List<FileLock> conflicts(String runId, Collection<LockTarget> targets) {
        List<FileLock> found = new ArrayList<>();
        for (FileLock lock : byId.values()) {
            if (lock.runId().equals(runId)) continue;
            LockTarget held = lock.target();
            if (targets.stream().anyMatch(held::overlaps)) found.add(lock);
        }
        return found;
    }

    /** The runs holding locks in the way of {@code targets}: the wait-for edges of a waiting run. */
    Set<String> blockers(String runId, Collection<LockTarget> targets) {
        Set<String> runs = new LinkedHashSet<>();
        conflicts(runId, targets).forEach(lock -> runs.add(lock.runId()));
        return runs;
    }

    /** A lock that lets its holder edit {@code file}, preferring {@code runId}'s own. */
    Optional<FileLock> covering(String runId, Path file) {
        Optional<FileLock> own = byId.values().stream()
                .filter(lock -> lock.runId().equals(runId) && lock.target().covers(file)).findFirst();
        if (own.isPresent()) return own;
        return byId.values().stream().filter(lock -> lock.target().covers(file)).findFirst();
    }
}

package dev.autodev.locks;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One held lock.
 *
 * @param id         stable id, for force release over REST
 * @param path       the absolute, normalised path
 * @param directory  true for a {@code checkout::} lock, which covers every file below {@code path}
 * @param runId      the run that holds it
 * @param jobId      that run's job
 * @param reason     what the agent said it is doing
 * @param acquiredAt when it was first taken
 * @param expiresAt  when it counts as free unless refreshed
 */
public record FileLock(String id, String path, boolean directory, String runId, String jobId, String reason,
                       Instant acquiredAt, Instant expiresAt) {

    /** The path as an agent writes it: {@code checkout::/dir} for a directory lock. */
    public String display() {
        return target().display();
    }

    LockTarget target() {
        return new LockTarget(Path.of(path), directory);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    FileLock expiringAt(Instant expiry, String newReason) {
        return new FileLock(id, path, directory, runId, jobId, newReason, acquiredAt, expiry);
    }
}

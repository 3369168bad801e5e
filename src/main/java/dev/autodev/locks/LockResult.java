package dev.autodev.locks;

import java.time.Duration;
import java.util.List;

/** What {@link FileLockRegistry#acquire} came to. Either every requested lock was taken or none was. */
public sealed interface LockResult {

    /** Every requested file is now locked by the caller (new locks and refreshed ones alike). */
    record Acquired(List<FileLock> locks) implements LockResult {}

    /**
     * The files stayed locked by others for the whole wait; nothing was taken. Calling again waits again.
     *
     * @param heldBy the other runs' locks that stood in the way when the wait ended
     */
    record TimedOut(List<FileLock> heldBy, Duration waited) implements LockResult {}

    /**
     * Waiting would never end: the runs holding these files are themselves waiting, directly or through others, for
     * files the caller holds. Nothing was taken; the caller should release its locks and try again.
     *
     * @param heldBy the other runs' locks that the caller would have waited for
     * @param cycle  run ids around the cycle, starting and ending with the caller
     */
    record DeadlockDetected(List<FileLock> heldBy, List<String> cycle) implements LockResult {}
}

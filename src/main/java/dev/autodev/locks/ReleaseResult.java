package dev.autodev.locks;

import java.util.List;

/**
 * What {@link FileLockRegistry#release} did.
 *
 * @param released    the caller's locks that are gone now
 * @param notReleased the files that were left as they are, each with why
 */
public record ReleaseResult(List<FileLock> released, List<NotReleased> notReleased) {

    /** A file that was not released: not locked at all, or locked by another run (which only that run may release). */
    public record NotReleased(String file, String reason) {}
}

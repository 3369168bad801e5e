package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Texts agents read when the registry says no. They name the next step, because the agent has to act on them. */
final class LockMessages {

    static final String LOCK_TOOL = "mcp__orchestrator__lock_files";

    private LockMessages() {}

    static LockCheck check(AgentIdentity caller, Path file, Optional<FileLock> covering) {
        if (covering.isPresent() && covering.get().runId().equals(caller.runId())) {
            return new LockCheck(true, file.toString(), "you hold " + covering.get().display());
        }
        if (covering.isPresent()) {
            return new LockCheck(false, file.toString(), file + " is locked by another agent (" + holder(covering.get())
                    + "). Call " + LOCK_TOOL + " with this file: it waits until the lock is free. Until then, work"
                    + " on something else or wait.");
        }
        return new LockCheck(false, file.toString(), "You have not locked " + file + ". Call " + LOCK_TOOL
                + " with files [\"" + file + "\"] and a reason before editing it, then release_files when you are done.");
    }

    static String notReleased(List<FileLock> othersLocks, List<FileLock> ownOverlapping) {
        if (!othersLocks.isEmpty()) {
            return "locked by another agent (" + othersLocks.stream().map(LockMessages::holder).collect(Collectors.joining("; "))
                    + "); only that agent, or a person on the dashboard, can release it";
        }
        if (!ownOverlapping.isEmpty()) {
            return "you do not hold this exact lock; you hold " + ownOverlapping.stream().map(FileLock::display)
                    .collect(Collectors.joining(", ")) + " - release that instead";
        }
        return "not locked";
    }

    /** Who holds a lock, in a sentence fragment. */
    static String holder(FileLock lock) {
        String reason = lock.reason() == null ? "" : ", reason: " + lock.reason();
        return lock.display() + " held by run " + lock.runId() + " of job " + lock.jobId() + reason + ", until "
                + lock.expiresAt();
    }
}

package dev.autodev.locks;

import dev.autodev.agents.AgentIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lock results as the JSON the model reads: snake_case keys, paths as it would write them, advice on what next. */
final class LockViews {

    private LockViews() {}

    static Map<String, Object> of(AgentIdentity caller, LockResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (result) {
            case LockResult.Acquired acquired -> {
                view.put("status", "acquired");
                view.put("locks", acquired.locks().stream().map(lock -> lock(caller, lock)).toList());
                view.put("message", "You hold these locks now: edit the files, then call release_files for them.");
            }
            case LockResult.TimedOut timedOut -> {
                view.put("status", "timed_out");
                view.put("waited_seconds", timedOut.waited().toMillis() / 1000.0);
                view.put("held_by", heldBy(timedOut.heldBy()));
                view.put("advice", "Nothing was locked: other agents still hold these files. Call lock_files again"
                        + " to keep waiting, or do other work first and come back.");
            }
            case LockResult.DeadlockDetected deadlock -> {
                view.put("status", "deadlock_detected");
                view.put("held_by", heldBy(deadlock.heldBy()));
                view.put("cycle", deadlock.cycle().stream().map(run -> run.equals(caller.runId()) ? "you (" + run + ")" : run).toList());
                view.put("advice", "Nothing was locked. You hold files that the agents in the cycle wait for while"
                        + " you wait for theirs, so no one could ever go on. Release your locks with release_files,"
                        + " then call lock_files once with every file you need.");
            }
        }
        return view;
    }

    static Map<String, Object> of(ReleaseResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("released", result.released().stream().map(FileLock::display).toList());
        view.put("not_released", result.notReleased().stream()
                .map(kept -> Map.of("file", kept.file(), "reason", kept.reason())).toList());
        return view;
    }

    static Map<String, Object> lock(AgentIdentity caller, FileLock lock) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("file", lock.display());
        view.put("yours", lock.runId().equals(caller.runId()));
        view.put("run_id", lock.runId());
        view.put("job_id", lock.jobId());
        if (lock.reason() != null) view.put("reason", lock.reason());
        view.put("expires_at", lock.expiresAt().toString());
        view.put("lock_id", lock.id());
        return view;
    }

    /** Who holds what: each lock in the way, by the file it covers. */
    private static Map<String, Object> heldBy(List<FileLock> locks) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (FileLock lock : locks) {
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("run_id", lock.runId());
            holder.put("job_id", lock.jobId());
            if (lock.reason() != null) holder.put("reason", lock.reason());
            holder.put("expires_at", lock.expiresAt().toString());
            view.put(lock.display(), holder);
        }
        return view;
    }
}

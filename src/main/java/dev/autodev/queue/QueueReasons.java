package dev.autodev.queue;

import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobStatus;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a due job cannot start in this dispatch pass, in words for the card: what it waits for and which setting
 * bounds it. A pure function of what the pass saw, so the reason is recomputed (and cleared) every pass.
 */
final class QueueReasons {

    private QueueReasons() {}

    /** What the pass knew about the caps. */
    record Room(int freeAgents, int maxAgents, boolean interactiveRoom, int maxSessions) {}

    /** The reason, or null when nothing holds the job back. */
    static String of(Job job, Map<String, JobStatus> dependencies, Room room) {
        Map<String, JobStatus> pending = new TreeMap<>(dependencies);
        pending.values().removeIf(status -> status == JobStatus.DONE);
        if (!pending.isEmpty()) {
            return "waiting for " + (pending.size() == 1 ? "dependency " : pending.size() + " dependencies: ")
                    + String.join(", ", pending.keySet()) + " to finish";
        }
        if (room.freeAgents() <= 0) {
            return "waiting for a free agent slot: all " + room.maxAgents() + " are in use (setting max concurrent agents)";
        }
        if (job.interactive() && !room.interactiveRoom()) {
            return "waiting for an interactive session: all " + room.maxSessions()
                    + " are in use (autodev.interactive.max-sessions); it starts when one ends";
        }
        return null;
    }
}

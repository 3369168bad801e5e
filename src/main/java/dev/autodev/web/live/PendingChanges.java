package dev.autodev.web.live;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What changed since the last flush, coalesced: a job that changed ten times is read and sent once, and a run's
 * output batches merge into one sequence range. Not thread-safe; {@link LiveBroadcaster} guards it.
 */
final class PendingChanges {

    final Set<String> jobIds = new LinkedHashSet<>();
    final Set<String> runIds = new LinkedHashSet<>();
    final Map<String, long[]> outputRanges = new LinkedHashMap<>();
    final Set<String> questionIds = new LinkedHashSet<>();
    final Set<String> noteKeys = new LinkedHashSet<>();
    final Set<String> debateIds = new LinkedHashSet<>();
    final Set<String> workflowIds = new LinkedHashSet<>();
    final Set<String> kbEntryIds = new LinkedHashSet<>();
    boolean locks;
    boolean settings;

    void job(String jobId) {
        if (jobId != null) jobIds.add(jobId);
    }

    void run(String runId, String jobId) {
        runIds.add(runId);
        job(jobId);
    }

    void output(String runId, long fromSeq, long toSeq) {
        // New output also moves the run's turns, tokens and cost: send its row with the events.
        runIds.add(runId);
        outputRanges.merge(runId, new long[] {fromSeq, toSeq},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }

    void question(String questionId, String runId, String jobId) {
        questionIds.add(questionId);
        if (runId != null) run(runId, jobId);
    }

    boolean isEmpty() {
        return jobIds.isEmpty() && runIds.isEmpty() && outputRanges.isEmpty() && questionIds.isEmpty()
                && noteKeys.isEmpty() && debateIds.isEmpty() && workflowIds.isEmpty() && kbEntryIds.isEmpty() && !locks
                && !settings;
    }
}

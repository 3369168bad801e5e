package dev.autodev.fleet;

import java.time.Instant;
import java.util.List;

/**
 * The runs that overlap a window of time, grouped by job: one row per job, one bar per run.
 *
 * @param truncated true when more runs overlap the window than one answer carries; narrow the window to see all
 */
public record Timeline(Instant from, Instant to, List<Row> rows, int runCount, boolean truncated) {

    /** A job and its runs in the window, oldest first. */
    public record Row(String jobId, String title, String jobStatus, List<Bar> runs) {}

    /**
     * One run: from its start to its end, or to now while it is active ({@code finishedAt} null).
     *
     * @param outcome the run's status ({@code running}, {@code done}, {@code failed}, ...)
     * @param failureKind why a failed run failed, or null
     */
    public record Bar(String runId, String outcome, String failureKind, String agent, String model,
                      Instant startedAt, Instant finishedAt, double costUsd) {}
}

package dev.autodev.templates;

/**
 * How a set of finished runs went. Only runs that ended {@code done} or {@code failed} count: a cancelled run says
 * nothing about the template, only about the person who stopped it.
 *
 * @param runs          finished runs
 * @param succeeded     of those, the ones that ended done
 * @param successRate   succeeded / runs, 0 when there are none
 * @param avgCostUsd    mean cost of a run in US dollars
 * @param avgTurns      mean number of turns
 * @param avgDurationMs mean time from a run's start to its end
 */
public record RunStats(long runs, long succeeded, double successRate, double avgCostUsd, double avgTurns,
                       double avgDurationMs) {

    /** Stats from the sums the SQL computes, so totals over several groups stay exact. */
    static RunStats fromSums(long runs, long succeeded, double costSum, double turnsSum, double durationSum) {
        if (runs == 0) return new RunStats(0, 0, 0, 0, 0, 0);
        return new RunStats(runs, succeeded, (double) succeeded / runs, costSum / runs, turnsSum / runs,
                durationSum / runs);
    }
}

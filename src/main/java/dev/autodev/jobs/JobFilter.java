package dev.autodev.jobs;

/**
 * Which jobs a list shows; a null field does not filter.
 *
 * @param status    only jobs in this status
 * @param projectId only jobs of this project
 * @param flagged   only flagged (true) or only unflagged (false) jobs
 * @param archived  only archived (true) or only not archived (false) jobs
 * @param query     only jobs whose title or description contains this text, ignoring case (ASCII)
 */
public record JobFilter(JobStatus status, String projectId, Boolean flagged, Boolean archived, String query) {

    public static JobFilter status(JobStatus status) {
        return new JobFilter(status, null, null, null, null);
    }
}

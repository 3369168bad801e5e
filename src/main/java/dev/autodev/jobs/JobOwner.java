package dev.autodev.jobs;

/**
 * A neutral reference to whatever created a job on someone's behalf (a workflow, say), so that engine can find its
 * jobs again while this package knows nothing about it.
 *
 * @param kind what owns the job, e.g. {@code workflow}
 * @param id   the owner's id
 */
public record JobOwner(String kind, String id) {}

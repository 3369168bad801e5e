package dev.autodev.jobs;

/** Published whenever a job is created or changes status; listeners act after the change is committed. */
public record JobChanged(String jobId, JobStatus status) {}

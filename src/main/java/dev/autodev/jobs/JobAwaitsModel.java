package dev.autodev.jobs;

/**
 * Published when a job is stored waiting for the classifier to choose its model (auto-classification was on when it
 * was created). Its own event, so the classifier need not read every job that changes to find the few that wait.
 */
public record JobAwaitsModel(String jobId) {}

package dev.autodev.agents;

/** Published when a run is created or changes status. */
public record RunChanged(String runId, String jobId, RunStatus status) {}

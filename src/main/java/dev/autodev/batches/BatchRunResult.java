package dev.autodev.batches;

import java.util.List;

/** What a batch run created: the project that groups the jobs, and the jobs in item order. */
public record BatchRunResult(String projectId, String projectName, List<String> jobIds) {}

package dev.autodev.batches;

import java.util.List;

/**
 * What a batch run created: the project that groups the jobs, and the jobs in item order; in debate mode the debates
 * in item order instead (their jobs join the project as they start).
 */
public record BatchRunResult(String projectId, String projectName, List<String> jobIds, List<String> debateIds) {}

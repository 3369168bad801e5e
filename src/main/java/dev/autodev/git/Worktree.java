package dev.autodev.git;

import java.nio.file.Path;

/**
 * A job's own git worktree, on its own branch.
 *
 * @param baseCommit the commit the branch started from
 * @param prUrl      the pull request opened for the branch, once there is one
 * @param removed    whether the worktree directory has been removed (the branch stays)
 */
public record Worktree(String jobId, Path repoRoot, Path path, String branch, String baseCommit, String prUrl,
                       String pushError, boolean removed) {}

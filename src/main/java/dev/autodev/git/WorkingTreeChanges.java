package dev.autodev.git;

import java.util.List;

/**
 * What is changed in a git working tree against its HEAD commit.
 *
 * @param head      the HEAD commit, or null in a repository without commits
 * @param diff      {@code git diff HEAD} (staged and unstaged changes to tracked files), cut at a size limit
 * @param truncated true when {@code diff} was cut
 * @param untracked new files git does not track yet (ignored files left out)
 */
public record WorkingTreeChanges(String workDir, String head, String diff, boolean truncated, List<String> untracked) {}

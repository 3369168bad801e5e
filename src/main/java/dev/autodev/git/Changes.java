package dev.autodev.git;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What changed from a base commit to now where a run works: commits since the base, uncommitted edits and
 * untracked files, as one diff and per file.
 *
 * @param scope     {@code run}: since this run started; {@code job}: since the job's first run started
 * @param source    where "now" was read
 * @param workDir   the directory read: the run's work dir, or the repository root for {@link Source#BRANCH}
 * @param branch    the job's worktree branch, or null for a job without a worktree
 * @param base      the commit compared against, or null for the empty tree (no commit when the run started)
 * @param head      the commit checked out now (the branch's tip for {@link Source#BRANCH}), or null when there is none
 * @param note      why the base differs from the recorded one (e.g. it no longer exists), or null
 * @param commits   the commits from base to head, newest first, at most {@value GitChanges#MAX_COMMITS}
 * @param files     each changed file, in path order
 * @param diff      the unified diff from base to now, untracked files shown as added; cut at a size limit
 * @param truncated true when {@code diff} or {@code files} were cut
 * @param untracked files git does not track yet (ignored files left out); they are part of {@code diff} too
 */
public record Changes(String runId, Scope scope, Source source, String workDir, String branch, String base, String head,
                      String note, List<Commit> commits, List<FileChange> files, String diff, boolean truncated,
                      List<String> untracked) {

    /** Which start the changes are counted from. */
    public enum Scope {
        /** Since the run started: its recorded base commit. */
        RUN,
        /** Since the job's first run started (for a worktree job, the commit its branch was made from). */
        JOB;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the current state was read. */
    public enum Source {
        /** The job's own git worktree, as it is on disk now. */
        WORKTREE,
        /** The job's branch in the main repository, after its worktree was removed: committed changes only. */
        BRANCH,
        /** The job's work dir, a checkout shared with whoever else works in it. */
        WORKDIR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A commit since the base. */
    public record Commit(String sha, String subject) {}

    /**
     * One changed file.
     *
     * @param oldPath   the path before a rename, else null
     * @param status    {@code added}, {@code modified}, {@code deleted} or {@code renamed}
     * @param additions lines added, or null for a binary file or one left out of the diff (too large)
     * @param deletions lines deleted, or null like {@code additions}
     * @param untracked whether git does not track the file yet
     */
    public record FileChange(String path, String oldPath, String status, Integer additions, Integer deletions,
                             boolean binary, boolean untracked) {}

    Changes about(String runId, Scope scope) {
        return new Changes(runId, scope, source, workDir, branch, base, head, note, commits, files, diff, truncated, untracked);
    }
}

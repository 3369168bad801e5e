package dev.autodev.git;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.git.Changes.Scope;
import dev.autodev.git.Changes.Source;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a run changed, read where it really works: from the commit it started from (or its job's first run started
 * from) to now. A worktree job is read in its worktree while that exists, and from its branch in the main
 * repository once the worktree is removed; any other job in its work dir.
 */
@Component
public class RunChanges {

    private final RunRepository runs;
    private final JobRepository jobs;
    private final WorktreeRepository worktrees;
    private final GitChanges git;

    RunChanges(RunRepository runs, JobRepository jobs, WorktreeRepository worktrees, GitChanges git) {
        this.runs = runs;
        this.jobs = jobs;
        this.worktrees = worktrees;
        this.git = git;
    }

    /**
     * @throws NotFound when there is no such run
     * @throws Conflict when where it works is not a git repository (or is gone, with no branch to read instead)
     */
    public Changes of(String runId, Scope scope) throws IOException {
        AgentRun run = runs.find(runId).orElseThrow(() -> new NotFound("agent", runId));
        Job job = jobs.find(run.jobId()).orElseThrow(() -> new NotFound("job", run.jobId()));
        Optional<Worktree> tree = worktrees.find(job.id());
        // A run that never started recorded no dir: it would have worked where its job's runs work.
        Path dir = run.workDir() != null ? Path.of(run.workDir()) : tree.map(Worktree::path).orElse(Path.of(job.workDir()));
        GitChanges.Base base = scope == Scope.JOB ? jobBase(job, tree) : runBase(run);
        boolean inWorktree = tree.isPresent() && dir.normalize().startsWith(tree.get().path());
        String branch = tree.map(Worktree::branch).orElse(null);
        Optional<Changes> now = git.inWorkTree(dir, base, inWorktree ? Source.WORKTREE : Source.WORKDIR, branch);
        if (now.isPresent()) return now.get().about(runId, scope);
        if (inWorktree && !Files.exists(dir)) {
            // Removed after the job ended; the branch keeps everything, since what was left got committed.
            return git.onBranch(tree.get().repoRoot(), tree.get().branch(), base.recorded() ? base.commit() : tree.get().baseCommit())
                    .about(runId, scope);
        }
        throw new Conflict(Files.isDirectory(dir) ? "the work dir " + dir + " is not a git repository"
                : "the work dir " + dir + " no longer exists");
    }

    private static GitChanges.Base runBase(AgentRun run) {
        return new GitChanges.Base(run.baseCommit(), run.workDir() != null);
    }

    /** Where the job's first run started: for a worktree job, the commit its branch was made from. */
    private GitChanges.Base jobBase(Job job, Optional<Worktree> tree) {
        if (tree.isPresent()) return new GitChanges.Base(tree.get().baseCommit(), true);
        return runs.ofJob(job.id()).stream().filter(r -> r.workDir() != null).findFirst()
                .map(RunChanges::runBase).orElse(new GitChanges.Base(null, false));
    }
}

package dev.autodev.git;

import dev.autodev.agents.LaunchPlan;
import dev.autodev.agents.RunOutcome;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunWorkspace;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives a job that asked for it ({@code useWorktree}) its own git worktree and branch, and at the end of each run
 * commits what the agent left, pushes the branch and, on success, opens a pull request. Everything here runs git
 * on the run's own thread, outside any transaction; the table writes are single statements.
 */
@Component
public class Worktrees implements RunWorkspace {

    private static final Logger log = LoggerFactory.getLogger(Worktrees.class);

    private final JobRepository jobs;
    private final WorktreeRepository worktrees;
    private final GitProperties properties;
    private final Clock clock;

    Worktrees(JobRepository jobs, WorktreeRepository worktrees, GitProperties properties, Clock clock) {
        this.jobs = jobs;
        this.worktrees = worktrees;
        this.properties = properties;
        this.clock = clock;
    }

    /** The job's worktree, if it has one (removed or not). */
    public Optional<Worktree> of(String jobId) {
        return worktrees.find(jobId);
    }

    @Override
    public Prepared prepare(LaunchPlan plan) throws IOException {
        Job job = jobs.find(plan.jobId()).orElseThrow(() -> new IOException("no job " + plan.jobId()));
        if (!job.useWorktree()) return new Prepared(plan.workDir(), head(plan.workDir()));
        Path workDir = plan.workDir();
        Optional<Worktree> existing = worktrees.find(job.id());
        Worktree tree = existing.isPresent() ? reopen(existing.get()) : create(job, workDir);
        // A job pointed at a folder inside the repository works in the same folder inside its worktree.
        Path dir = tree.path().resolve(tree.repoRoot().relativize(workDir.toRealPath()).toString()).normalize();
        if (!Files.isDirectory(dir)) dir = tree.path();
        return new Prepared(dir, head(dir));
    }

    private Worktree create(Job job, Path workDir) throws IOException {
        Path root = Path.of(expect(Commands.git(workDir, timeout(), "rev-parse", "--show-toplevel"), "find the repository root")
                .strip()).toRealPath();
        String base = expect(Commands.git(root, timeout(), "rev-parse", "--verify", "HEAD"), "read HEAD").strip();
        String shortId = job.id().substring(0, Math.min(8, job.id().length()));
        Path path = root.resolve(GitProperties.WORKTREE_DIR).resolve(shortId);
        String branch = "autodev/" + shortId + slug(job.title());
        excludeWorktreeDir(root);
        expect(Commands.git(root, timeout(), "worktree", "add", "-b", branch, path.toString(), base), "create the worktree");
        worktrees.insert(job.id(), root, path, branch, base, clock.millis());
        log.info("job {} works in worktree {} on branch {}", job.id(), path, branch);
        return worktrees.find(job.id()).orElseThrow();
    }

    /** A continued or requeued job works in its worktree again; one removed in between is checked out anew. */
    private Worktree reopen(Worktree tree) throws IOException {
        if (Files.isDirectory(tree.path())) return tree;
        Commands.git(tree.repoRoot(), timeout(), "worktree", "prune");
        expect(Commands.git(tree.repoRoot(), timeout(), "worktree", "add", tree.path().toString(), tree.branch()),
                "check the branch out again");
        worktrees.restored(tree.jobId());
        return tree;
    }

    /**
     * After a run of a worktree job ended done or failed: commits what is left, pushes the branch (a failure is noted,
     * not fatal) and, for a run that succeeded, opens a pull request once. Never throws.
     */
    public void finishRun(Job job, String runId, RunOutcome outcome) {
        Optional<Worktree> found = worktrees.find(job.id());
        if (found.isEmpty() || found.get().removed() || !Files.isDirectory(found.get().path())) return;
        Worktree tree = found.get();
        Path dir = tree.path();
        try {
            commitLeftovers(job, runId, outcome, dir);
            Commands.Result push = Publishing.push(dir, properties.pushTimeout(), tree.branch());
            if (!push.ok()) {
                log.warn("pushing {} of job {} failed: {}", tree.branch(), job.id(), push.tail(500));
                worktrees.pushError(job.id(), "push failed: " + push.tail(500));
                return;
            }
            worktrees.pushError(job.id(), null);
            if (outcome.status() == RunStatus.DONE && tree.prUrl() == null) openPullRequest(job, tree, outcome);
        } catch (IOException | RuntimeException e) {
            log.warn("finishing the worktree of job {} failed", job.id(), e);
            worktrees.pushError(job.id(), String.valueOf(e.getMessage()));
        }
    }

    private void commitLeftovers(Job job, String runId, RunOutcome outcome, Path dir) throws IOException {
        Publishing.commitAll(dir, timeout(), job.title() + "\n\nLeft by autodev job " + job.id() + ", run " + runId
                + " (" + outcome.status().wireName() + ").");
    }

    private void openPullRequest(Job job, Worktree tree, RunOutcome outcome) throws IOException {
        String commits = Publishing.commitList(tree.path(), timeout(), tree.baseCommit());
        StringBuilder body = new StringBuilder(job.description().strip()).append("\n\n## Result\n\n")
                .append(outcome.resultText() == null || outcome.resultText().isBlank() ? "(no result text)" : outcome.resultText().strip());
        if (!commits.isBlank()) body.append("\n\n## Commits\n\n").append(commits);
        body.append("\n\n---\nOpened by autodev for job ").append(job.id()).append('.');
        try {
            worktrees.prUrl(job.id(), Publishing.openPullRequest(tree.path(), properties.ghBin(), properties.pushTimeout(),
                    tree.branch(), job.title(), body.toString(), false, List.of()));
        } catch (IOException e) {
            log.warn("opening a pull request for job {} failed: {}", job.id(), e.getMessage());
            worktrees.pushError(job.id(), e.getMessage());
        }
    }

    /** Removes the job's worktree directory (the branch stays). Never throws. */
    public void remove(String jobId) {
        worktrees.find(jobId).filter(tree -> !tree.removed()).ifPresent(this::remove);
    }

    void remove(Worktree tree) {
        try {
            Commands.Result removed = Commands.git(tree.repoRoot(), timeout(), "worktree", "remove", "--force", tree.path().toString());
            if (!removed.ok() && Files.exists(tree.path())) {
                log.warn("removing worktree {} failed: {}", tree.path(), removed.tail(300));
                return;
            }
            worktrees.removed(tree.jobId(), clock.millis());
        } catch (IOException e) {
            log.warn("removing worktree {} failed", tree.path(), e);
        }
    }

    /** The commit a directory's HEAD points at, or null when it is not a git work tree (or has no commit). */
    private String head(Path dir) {
        HeadCommit.Read read = HeadCommit.of(dir);
        if (read.certain()) return read.commit().orElse(null);
        try {
            Commands.Result head = Commands.git(dir, timeout(), "rev-parse", "--verify", "--quiet", "HEAD");
            return head.ok() ? head.out().strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps the worktrees folder out of the main checkout's untracked files. */
    private void excludeWorktreeDir(Path root) throws IOException {
        exclude(root, GitProperties.WORKTREE_DIR, timeout());
    }

    /** Adds {@code /dirName/} to the repository's {@code info/exclude} once. */
    static void exclude(Path root, String dirName, java.time.Duration timeout) throws IOException {
        Commands.Result common = Commands.git(root, timeout, "rev-parse", "--git-common-dir");
        if (!common.ok()) return;
        Path exclude = root.resolve(common.out().strip()).resolve("info").resolve("exclude");
        String line = "/" + dirName + "/";
        if (Files.exists(exclude) && Files.readString(exclude).lines().anyMatch(line::equals)) return;
        Files.createDirectories(exclude.getParent());
        Files.writeString(exclude, "\n" + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
        return slug.isEmpty() ? "" : "-" + slug;
    }

    private static String expect(Commands.Result result, String what) throws IOException {
        if (!result.ok()) throw new IOException("could not " + what + ": " + result.tail(500));
        return result.out();
    }

    private java.time.Duration timeout() {
        return properties.commandTimeout();
    }
}

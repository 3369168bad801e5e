package dev.autodev.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.Page;
import dev.autodev.git.Worktree;
import dev.autodev.git.Worktrees;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobEdit;
import dev.autodev.jobs.JobFilter;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.NewJob;
import dev.autodev.queue.JobActions;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Jobs: create, list, read with runs, edit while queued, cancel, start now, flag and archive. */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private final JobService jobs;
    private final JobActions actions;
    private final RunRepository runs;
    private final Worktrees worktrees;

    JobsController(JobService jobs, JobActions actions, RunRepository runs, Worktrees worktrees) {
        this.jobs = jobs;
        this.actions = actions;
        this.runs = runs;
        this.worktrees = worktrees;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    JobWithRuns create(@RequestBody(required = false) NewJob request) {
        Job job = jobs.create(request);
        return new JobWithRuns(job, List.of(), null, null);
    }

    /** Jobs newest first; every filter is optional (the archive view is {@code archived=true&q=...}). */
    @GetMapping
    Page<Job> list(@RequestParam(required = false) String status,
                   @RequestParam(required = false) String projectId,
                   @RequestParam(required = false) String flagged,
                   @RequestParam(required = false) String archived,
                   @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") String page,
                   @RequestParam(defaultValue = "50") String size) {
        JobFilter filter = new JobFilter(QueryParams.status(status, JobStatus.values(), JobStatus::fromWire),
                QueryParams.text("projectId", projectId, 100), QueryParams.bool("flagged", flagged),
                QueryParams.bool("archived", archived), QueryParams.text("q", q, 200));
        return jobs.list(filter, QueryParams.page(page), QueryParams.size(size));
    }

    @GetMapping("/{id}")
    JobWithRuns get(@PathVariable String id) {
        return withRuns(jobs.get(id));
    }

    @PostMapping("/{id}/cancel")
    JobWithRuns cancel(@PathVariable String id) {
        return withRuns(actions.cancelJob(id));
    }

    /** Title and description of a job that has not started: {@code {"title": ..., "description": ...}}. */
    @PatchMapping("/{id}")
    JobWithRuns edit(@PathVariable String id, @RequestBody(required = false) JobEdit edit) {
        return withRuns(jobs.edit(id, edit));
    }

    @PostMapping("/{id}/run-now")
    JobWithRuns runNow(@PathVariable String id) {
        return withRuns(actions.runNow(id));
    }

    /** Toggles the job's flag. */
    @PostMapping("/{id}/flag")
    JobWithRuns flag(@PathVariable String id) {
        return withRuns(jobs.toggleFlag(id));
    }

    @PostMapping("/{id}/archive")
    JobWithRuns archive(@PathVariable String id) {
        return withRuns(jobs.archive(id));
    }

    @PostMapping("/{id}/unarchive")
    JobWithRuns unarchive(@PathVariable String id) {
        return withRuns(jobs.unarchive(id));
    }

    private JobWithRuns withRuns(Job job) {
        Optional<Worktree> tree = worktrees.of(job.id());
        return new JobWithRuns(job, runs.ofJob(job.id()), tree.map(Worktree::branch).orElse(null),
                tree.map(Worktree::prUrl).orElse(null));
    }

    /** A job as the API shows it: its own fields, its runs, and its worktree's branch and pull request if any. */
    record JobWithRuns(@JsonUnwrapped Job job, List<AgentRun> runs, String branch, String prUrl) {}
}

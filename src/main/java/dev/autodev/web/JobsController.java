package dev.autodev.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.Page;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.NewJob;
import dev.autodev.queue.JobActions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Jobs: create, list, read with runs, cancel. */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private final JobService jobs;
    private final JobActions actions;
    private final RunRepository runs;

    JobsController(JobService jobs, JobActions actions, RunRepository runs) {
        this.jobs = jobs;
        this.actions = actions;
        this.runs = runs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    JobWithRuns create(@RequestBody(required = false) NewJob request) {
        return new JobWithRuns(jobs.create(request), List.of());
    }

    @GetMapping
    Page<Job> list(@RequestParam(required = false) String status,
                   @RequestParam(defaultValue = "0") String page,
                   @RequestParam(defaultValue = "50") String size) {
        return jobs.list(QueryParams.status(status, JobStatus.values(), JobStatus::fromWire),
                QueryParams.page(page), QueryParams.size(size));
    }

    @GetMapping("/{id}")
    JobWithRuns get(@PathVariable String id) {
        Job job = jobs.get(id);
        return new JobWithRuns(job, runs.ofJob(id));
    }

    @PostMapping("/{id}/cancel")
    JobWithRuns cancel(@PathVariable String id) {
        Job job = actions.cancelJob(id);
        return new JobWithRuns(job, runs.ofJob(id));
    }

    /** A job as the API shows it: its own fields plus its runs. */
    record JobWithRuns(@JsonUnwrapped Job job, List<AgentRun> runs) {}
}

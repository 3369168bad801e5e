package dev.autodev.web;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.git.GitChanges;
import dev.autodev.git.WorkingTreeChanges;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a run has changed in its work dir: the uncommitted diff against HEAD plus untracked files. Runs of one job
 * share the dir, so this is the job's working tree as it is now, not only this run's part of it.
 */
@RestController
class ChangesController {

    private final RunRepository runs;
    private final JobRepository jobs;
    private final GitChanges git;

    ChangesController(RunRepository runs, JobRepository jobs, GitChanges git) {
        this.runs = runs;
        this.jobs = jobs;
        this.git = git;
    }

    @GetMapping("/api/agents/{id}/changes")
    WorkingTreeChanges changes(@PathVariable String id) throws IOException {
        AgentRun run = runs.find(id).orElseThrow(() -> new NotFound("agent", id));
        Job job = jobs.find(run.jobId()).orElseThrow(() -> new NotFound("job", run.jobId()));
        Path dir = Path.of(job.workDir());
        return git.of(dir).orElseThrow(() -> new Conflict("the work dir " + dir + " is not a git repository"));
    }
}

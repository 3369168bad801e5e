package dev.autodev.debates;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads a debate with each of its jobs' status and runs: the input of decisions and views. */
@Component
class DebateStates {

    record State(Debate debate, List<StepState> steps) {}

    private final DebateRepository debates;
    private final JobRepository jobs;
    private final RunRepository runs;

    DebateStates(DebateRepository debates, JobRepository jobs, RunRepository runs) {
        this.debates = debates;
        this.jobs = jobs;
        this.runs = runs;
    }

    State load(String id) {
        Debate debate = debates.find(id).orElseThrow(() -> new NotFound("debate", id));
        List<DebateJob> rows = debates.jobsOf(id);
        Map<String, List<AgentRun>> runsByJob = runs.ofJobs(rows.stream().map(DebateJob::jobId).toList()).stream()
                .collect(Collectors.groupingBy(AgentRun::jobId));
        List<StepState> steps = rows.stream().map(row -> new StepState(row,
                jobs.find(row.jobId()).map(j -> j.status()).orElse(JobStatus.FAILED),
                runsByJob.getOrDefault(row.jobId(), List.of()))).toList();
        return new State(debate, steps);
    }
}

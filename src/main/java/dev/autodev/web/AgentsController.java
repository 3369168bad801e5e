package dev.autodev.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.EventRepository;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Page;
import dev.autodev.health.HealthMonitor;
import dev.autodev.health.HealthWarning;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
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

/** Agents (runs): list, read, their output, and the lifecycle actions. */
@RestController
@RequestMapping("/api/agents")
class AgentsController {

    private final RunRepository runs;
    private final EventRepository events;
    private final JobActions actions;
    private final JobRepository jobs;
    private final HealthMonitor health;

    AgentsController(RunRepository runs, EventRepository events, JobActions actions, JobRepository jobs, HealthMonitor health) {
        this.runs = runs;
        this.events = events;
        this.actions = actions;
        this.jobs = jobs;
        this.health = health;
    }

    @GetMapping
    Page<AgentRun> list(@RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") String page,
                        @RequestParam(defaultValue = "50") String size) {
        RunStatus filter = QueryParams.status(status, RunStatus.values(), RunStatus::fromWire);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return new Page<>(runs.page(filter, p, s), p, s, runs.count(filter));
    }

    /** One run, with its current health warnings (stalled, high turns, long running, near its budget or time). */
    @GetMapping("/{id}")
    RunWithHealth get(@PathVariable String id) {
        AgentRun run = run(id);
        return new RunWithHealth(run, jobs.find(run.jobId()).map(job -> health.warnings(run, job)).orElse(List.of()));
    }

    /** Parsed output after sequence number {@code after}, oldest first; pass the last seq seen to get the next page. */
    @GetMapping("/{id}/output")
    Output output(@PathVariable String id,
                  @RequestParam(defaultValue = "0") String after,
                  @RequestParam(defaultValue = "200") String limit) {
        run(id);
        long afterSeq = QueryParams.longValue("after", after);
        int size = QueryParams.size(limit);
        List<AgentEvent> page = events.page(id, afterSeq, size);
        long next = page.isEmpty() ? afterSeq : page.getLast().seq();
        return new Output(page, next, events.count(id));
    }

    @PostMapping("/{id}/continue")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AgentRun continueRun(@PathVariable String id, @RequestBody(required = false) FollowUp body) {
        return actions.continueRun(id, body == null ? null : body.message());
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.CREATED)
    Job retry(@PathVariable String id) {
        return actions.retry(id);
    }

    @PostMapping("/{id}/requeue")
    Job requeue(@PathVariable String id) {
        return actions.requeue(id);
    }

    @PostMapping("/{id}/cancel")
    Job cancel(@PathVariable String id) {
        return actions.cancelRun(id);
    }

    private AgentRun run(String id) {
        return runs.find(id).orElseThrow(() -> new NotFound("agent", id));
    }

    record FollowUp(String message) {}

    record RunWithHealth(@JsonUnwrapped AgentRun run, List<HealthWarning> healthWarnings) {}

    /** A page of output: the events, the seq to pass as {@code after} next time, and how many there are in all. */
    record Output(List<AgentEvent> events, long nextAfter, long total) {}
}

package dev.autodev.queue;

import static dev.autodev.mcp.ToolArguments.optionalInt;
import static dev.autodev.mcp.ToolArguments.optionalLong;
import static dev.autodev.mcp.ToolArguments.optionalString;
import static dev.autodev.mcp.ToolArguments.requiredString;
import static dev.autodev.mcp.ToolArguments.stringList;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.RunChanged;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunSupervisor;
import dev.autodev.common.ApiException;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.NewJob;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The MCP tools for work itself: sub-jobs, waiting for them, progress reports and finishing. */
@Component
class JobTools implements McpToolProvider {

    /** Codex's MCP client gives up on a call after about 120 s, so no single wait may take longer than this. */
    static final Duration MAX_WAIT = Duration.ofSeconds(100);

    private final JobService jobService;
    private final JobRepository jobs;
    private final JobWaiter waiter;
    private final RunRepository runs;
    private final RunSupervisor supervisor;
    private final ApplicationEventPublisher events;

    JobTools(JobService jobService, JobRepository jobs, JobWaiter waiter, RunRepository runs, RunSupervisor supervisor,
             ApplicationEventPublisher events) {
        this.jobService = jobService;
        this.jobs = jobs;
        this.waiter = waiter;
        this.runs = runs;
        this.supervisor = supervisor;
        this.events = events;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(
                new McpTool("create_job", """
                        Queue a sub-job for another agent. It inherits your model, work dir and project unless you \
                        give them; with template_id it also gets that template's guidelines. Returns its job_id; \
                        use wait_for_jobs to wait for its result.""", ToolSchemas.CREATE_JOB, this::createJob),
                new McpTool("wait_for_jobs", """
                        Block until the given jobs finish and return each one's status and result text. One call \
                        waits at most 100 s; jobs still running then are listed under "pending": call again.""",
                        ToolSchemas.WAIT_FOR_JOBS, this::waitForJobs),
                new McpTool("report_status", "Show a short progress message on your card in the dashboard.",
                        ToolSchemas.REPORT_STATUS, this::reportStatus),
                new McpTool("finish_job", """
                        Declare your task complete. Your run ends as done with the given result text; nothing you \
                        do after this call is recorded.""", ToolSchemas.FINISH_JOB, this::finishJob));
    }

    private Object createJob(AgentIdentity caller, JsonNode args) {
        Job parent = jobs.find(caller.jobId()).orElseThrow();
        String model = optionalString(args, "model");
        String workDir = optionalString(args, "work_dir");
        String templateId = optionalString(args, "template_id");
        String projectId = optionalString(args, "project_id");
        NewJob request = new NewJob(requiredString(args, "description"), optionalString(args, "title"),
                optionalInt(args, "priority"), model != null ? model : parent.model(),
                workDir != null ? workDir : parent.workDir(), optionalInt(args, "max_turns"), null, null,
                stringList(args, "depends_on", false), null, null, null, null, null, null, null, templateId,
                projectId != null ? projectId : parent.projectId());
        try {
            Job job = jobService.create(request, parent.id());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("job_id", job.id());
            answer.put("title", job.title());
            answer.put("status", job.status().wireName());
            answer.put("model", job.model());
            if (job.projectId() != null) answer.put("project_id", job.projectId());
            return answer;
        } catch (ApiException.BadRequest e) {
            throw new ToolError(e.field() + ": " + e.getMessage());
        }
    }

    private Object waitForJobs(AgentIdentity caller, JsonNode args) throws InterruptedException {
        List<String> ids = stringList(args, "job_ids", true);
        Long timeoutMs = optionalLong(args, "timeout_ms");
        Duration timeout = timeoutMs == null || timeoutMs <= 0 ? MAX_WAIT : Duration.ofMillis(Math.min(timeoutMs, MAX_WAIT.toMillis()));
        List<Job> found = waiter.await(ids, timeout);
        List<String> unknown = ids.stream().filter(id -> found.stream().noneMatch(j -> j.id().equals(id))).toList();
        if (!unknown.isEmpty()) throw new ToolError("job_ids: unknown job id(s): " + String.join(", ", unknown));
        List<Map<String, Object>> results = found.stream().map(this::summary).toList();
        List<String> pending = found.stream().filter(j -> !j.status().isTerminal()).map(Job::id).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobs", results);
        answer.put("all_finished", pending.isEmpty());
        if (!pending.isEmpty()) answer.put("pending", pending);
        return answer;
    }

    private Map<String, Object> summary(Job job) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("job_id", job.id());
        summary.put("status", job.status().wireName());
        var lastRun = runs.ofJob(job.id()).stream().reduce((a, b) -> b);
        summary.put("result_text", lastRun.map(r -> r.resultText()).orElse(null));
        if (job.statusReason() != null && job.status().isTerminal()) summary.put("reason", job.statusReason());
        return summary;
    }

    private Object reportStatus(AgentIdentity caller, JsonNode args) {
        String message = requiredString(args, "message");
        runs.statusMessage(caller.runId(), message);
        runs.find(caller.runId()).ifPresent(run -> events.publishEvent(new RunChanged(run.id(), run.jobId(), run.status())));
        return Map.of("ok", true);
    }

    private Object finishJob(AgentIdentity caller, JsonNode args) {
        String result = optionalString(args, "result");
        if (!supervisor.finish(caller.runId(), result)) throw new ToolError("this run is not supervised by this server");
        return Map.of("ok", true, "message", "finishing: the run ends as done");
    }
}

package dev.autodev.workflows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.ApiException;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolArguments;
import dev.autodev.mcp.ToolError;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The MCP tool {@code create_autonomous_agent_run}: an agent starts a workflow of its own. */
@Component
class WorkflowTools implements McpToolProvider {

    static final String DESCRIPTION = """
            Start an autonomous agent run: a workflow that plans the task (assess), then alternates a reviewer and an \
            implementer over cycles on one git branch until every milestone of the plan is done or max_cycles is \
            reached, and ends with a pull request. Use it for a large task that needs many steps; for one small task \
            use create_job. It returns at once with the run's id and its assess job's id; follow it with the \
            workflow's notes (workflow/<id>/plan, workflow/<id>/worklog/...) or wait_for_jobs.""";
    static final String SCHEMA = """
            {"type":"object","properties":{
              "task":{"type":"string","description":"What to accomplish (required)"},
              "title":{"type":"string","description":"Short title; made from the task when blank"},
              "work_dir":{"type":"string","description":"Repository to work in; default: your own work dir"},
              "implementer_model":{"type":"string","description":"Model that plans and writes code (default a Sonnet model)"},
              "reviewer_model":{"type":"string","description":"Model that reviews (default a Codex model)"},
              "max_cycles":{"type":"integer","minimum":1,"maximum":50,"description":"Cycle cap, default 10"},
              "use_worktree":{"type":"boolean","description":"Work on a branch of its own in a shared worktree (default true)"},
              "max_cost_usd":{"type":"number","description":"Pause for approval once this much is spent"},
              "approve_plan":{"type":"boolean","description":"Wait for a person to approve the plan before coding"}
            },"required":["task"]}""";

    private final WorkflowService workflows;

    WorkflowTools(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(new McpTool("create_autonomous_agent_run", DESCRIPTION, SCHEMA, this::create));
    }

    private Object create(AgentIdentity caller, JsonNode args) {
        String workDir = ToolArguments.optionalString(args, "work_dir");
        if (workDir == null && caller != null && caller.workDir() != null) workDir = caller.workDir().toString();
        NewWorkflow request = new NewWorkflow(ToolArguments.requiredString(args, "task"),
                ToolArguments.optionalString(args, "title"), workDir,
                ToolArguments.optionalString(args, "implementer_model"), ToolArguments.optionalString(args, "reviewer_model"),
                ToolArguments.optionalInt(args, "max_cycles"), optionalBoolean(args, "use_worktree"), null, null,
                optionalNumber(args, "max_cost_usd"), optionalBoolean(args, "approve_plan"));
        try {
            WorkflowView view = workflows.create(request);
            Workflow wf = view.workflow();
            return new Created(wf.id(), wf.title(), wf.status().wireName(), wf.projectId(),
                    workflows.assessJobId(wf.id()).orElse(null));
        } catch (ApiException e) {
            String field = e instanceof ApiException.BadRequest bad ? snake(bad.field()) + ": " : "";
            throw new ToolError(field + e.getMessage());
        }
    }

    private static Boolean optionalBoolean(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isBoolean()) throw new ToolError(name + ": must be true or false");
        return value.asBoolean();
    }

    private static Double optionalNumber(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isNumber()) throw new ToolError(name + ": must be a number");
        return value.asDouble();
    }

    /** The REST field names the validator uses, as the tool's arguments spell them. */
    private static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(String autonomous_agent_run_id, String title, String status, String project_id, String assess_job_id) {}
}

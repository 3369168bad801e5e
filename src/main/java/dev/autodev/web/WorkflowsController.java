package dev.autodev.web;

import dev.autodev.common.Page;
import dev.autodev.notes.Note;
import dev.autodev.workflows.NewWorkflow;
import dev.autodev.workflows.WorkflowService;
import dev.autodev.workflows.WorkflowStatus;
import dev.autodev.workflows.WorkflowView;
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

/** Autonomous agent runs: create, list, read (plan, worklogs), cancel, resume, approve. */
@RestController
@RequestMapping("/api/workflows")
class WorkflowsController {

    private final WorkflowService workflows;

    WorkflowsController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WorkflowView create(@RequestBody(required = false) NewWorkflow request) {
        return workflows.create(request);
    }

    @GetMapping
    Page<WorkflowView> list(@RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "0") String page,
                            @RequestParam(defaultValue = "50") String size) {
        return workflows.list(QueryParams.status(status, WorkflowStatus.values(), WorkflowStatus::fromWire),
                QueryParams.page(page), QueryParams.size(size));
    }

    @GetMapping("/{id}")
    WorkflowView get(@PathVariable String id) {
        return workflows.get(id);
    }

    @GetMapping("/{id}/plan")
    WorkflowService.PlanView plan(@PathVariable String id) {
        return workflows.plan(id);
    }

    /** {@code {"text":"- [ ] **M1: ...** — ...","contract":"..."}}: a person edits the plan (and contract). */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/plan")
    WorkflowService.PlanView writePlan(@PathVariable String id, @RequestBody(required = false) PlanRequest request) {
        PlanRequest r = request == null ? new PlanRequest(null, null) : request;
        return workflows.writePlan(id, r.text(), r.contract());
    }

    record PlanRequest(String text, String contract) {}

    @GetMapping("/{id}/worklogs")
    List<Note> worklogs(@PathVariable String id) {
        return workflows.worklogs(id);
    }

    @PostMapping("/{id}/cancel")
    WorkflowView cancel(@PathVariable String id) {
        return workflows.cancel(id);
    }

    /** Body optional: {@code {"phase":"implement","cycle":3,"force":false}}. */
    @PostMapping("/{id}/resume")
    WorkflowView resume(@PathVariable String id, @RequestBody(required = false) ResumeRequest request) {
        ResumeRequest r = request == null ? new ResumeRequest(null, null, null) : request;
        return workflows.resume(id, r.phase(), r.cycle(), Boolean.TRUE.equals(r.force()));
    }

    /** Body optional: {@code {"additionalUsd":5}} (required when the run paused for its budget). */
    @PostMapping("/{id}/approve")
    WorkflowView approve(@PathVariable String id, @RequestBody(required = false) ApproveRequest request) {
        return workflows.approve(id, request == null ? null : request.additionalUsd());
    }

    record ResumeRequest(String phase, Integer cycle, Boolean force) {}

    record ApproveRequest(Double additionalUsd) {}
}

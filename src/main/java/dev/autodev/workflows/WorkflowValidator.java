package dev.autodev.workflows;

import dev.autodev.common.GitFolders;
import dev.autodev.common.ShortTitles;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.jobs.JobsProperties;
import dev.autodev.templates.TemplateService;
import dev.autodev.jobs.StopMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Checks a {@link NewWorkflow}, names the first field that is wrong, and fills in defaults. */
@Component
class WorkflowValidator {

    /** The task is inlined into every phase prompt beside up to 50,000 characters of notes. */
    static final int MAX_TASK_CHARS = 20_000;
    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_CYCLES = 50;
    static final int TITLE_LENGTH = 60;
    private static final Set<String> STOP_PHASES = Set.of("assess", "review", "implement");

    private final WorkflowsProperties defaults;
    private final JobsProperties jobDefaults;
    private final TemplateService templates;

    WorkflowValidator(WorkflowsProperties defaults, JobsProperties jobDefaults, TemplateService templates) {
        this.defaults = defaults;
        this.jobDefaults = jobDefaults;
        this.templates = templates;
    }

    Workflow validate(NewWorkflow in, String id, Instant now) {
        if (in == null) throw new BadRequest("body", "a JSON object with at least a task is required");
        if (in.task() == null || in.task().isBlank()) throw new BadRequest("task", "is required and must not be blank");
        if (in.task().length() > MAX_TASK_CHARS) {
            throw new BadRequest("task", "must be at most " + MAX_TASK_CHARS + " characters, was " + in.task().length());
        }
        if (in.title() != null && in.title().strip().length() > MAX_TITLE_CHARS) {
            throw new BadRequest("title", "must be at most " + MAX_TITLE_CHARS + " characters");
        }
        String implementer = model("implementerModel", in.implementerModel(), defaults.implementerModel());
        String reviewer = model("reviewerModel", in.reviewerModel(), defaults.reviewerModel());
        int maxCycles = in.maxCycles() == null ? defaults.maxCycles() : in.maxCycles();
        if (maxCycles < 1 || maxCycles > MAX_CYCLES) {
            throw new BadRequest("maxCycles", "must be between 1 and " + MAX_CYCLES + ", was " + maxCycles);
        }
        String workDir = workDir(in.workDir());
        boolean useWorktree = in.useWorktree() == null || in.useWorktree();
        if (useWorktree && !GitFolders.insideRepository(Path.of(workDir))) {
            throw new BadRequest("useWorktree", "workDir " + workDir + " is not inside a git repository (set useWorktree false to work in it directly)");
        }
        if (in.maxCostUsd() != null && (in.maxCostUsd().isNaN() || in.maxCostUsd() <= 0)) {
            throw new BadRequest("maxCostUsd", "must be a positive number of US dollars");
        }
        if (in.templateId() != null && in.templateId().isBlank()) throw new BadRequest("templateId", "must not be blank when given");
        // Its guidelines go into every phase's prompt, as for a job that names it.
        if (in.templateId() != null && templates.find(in.templateId()).isEmpty()) {
            throw new BadRequest("templateId", "no such template: " + in.templateId());
        }
        String title = in.title() == null || in.title().isBlank() ? title(in.task()) : in.title().strip();
        return new Workflow(id, title, in.task(), WorkflowStatus.RUNNING, null, 0, workDir, implementer, reviewer,
                maxCycles, useWorktree, in.templateId(), null, stopModes(in.stopModes()), in.maxCostUsd(),
                Boolean.TRUE.equals(in.approvePlan()), false, null, null, null, null, null, null, 0, null, null, now, now);
    }

    private static String model(String field, String requested, String fallback) {
        if (requested == null) return fallback;
        if (requested.isBlank()) throw new BadRequest(field, "must not be blank when given");
        return requested.strip();
    }

    private String workDir(String requested) {
        if (requested == null || requested.isBlank()) return jobDefaults.defaultWorkDir();
        Path path = Path.of(requested).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) throw new BadRequest("workDir", "no such directory: " + requested);
        return path.toString();
    }

    private static Map<String, Workflow.PhaseStop> stopModes(Map<String, Workflow.PhaseStop> requested) {
        if (requested == null) return Map.of();
        Map<String, Workflow.PhaseStop> checked = new LinkedHashMap<>();
        requested.forEach((phase, stop) -> {
            String field = "stopModes." + phase;
            if (!STOP_PHASES.contains(phase)) throw new BadRequest("stopModes", "phases are assess, review and implement, was '" + phase + "'");
            if (stop == null || stop.mode() == null) throw new BadRequest(field + ".mode", "is required: " + StopMode.choices());
            StopMode mode = StopMode.parse(stop.mode()).orElseThrow(() -> new BadRequest(field + ".mode",
                    "must be one of " + StopMode.choices() + ", was '" + stop.mode() + "'"));
            if (stop.value() != null && (stop.value().isNaN() || stop.value() <= 0)) throw new BadRequest(field + ".value", "must be a positive number");
            if (mode != StopMode.COMPLETION && stop.value() == null) {
                throw new BadRequest(field + ".value", "is required for mode " + mode.json());
            }
            checked.put(phase, new Workflow.PhaseStop(mode.json(), stop.value()));
        });
        return checked;
    }

    static String title(String task) {
        return ShortTitles.firstLine(task, TITLE_LENGTH);
    }

}

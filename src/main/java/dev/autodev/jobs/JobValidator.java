package dev.autodev.jobs;

import dev.autodev.common.GitFolders;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.projects.ProjectService;
import dev.autodev.templates.Template;
import dev.autodev.templates.TemplateService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Checks a {@link NewJob}, names the first field that is wrong, and fills in defaults. */
@Component
class JobValidator {

    static final int MIN_PRIORITY = -10;
    static final int MAX_PRIORITY = 10;
    static final int MAX_RETRIES = 10;
    /** A prompt, not a document: long material belongs in a file of the work dir that the description names. */
    static final int MAX_DESCRIPTION_CHARS = 100_000;
    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_CONTEXT_ENTRIES = 50;
    static final int MAX_CONTEXT_VALUE_CHARS = 10_000;

    private final JobsProperties defaults;
    private final JobRepository jobs;
    private final TemplateService templates;
    private final ProjectService projects;
    private final ObjectProvider<ModelAutoChoice> autoChoice;

    JobValidator(JobsProperties defaults, JobRepository jobs, TemplateService templates, ProjectService projects,
                 ObjectProvider<ModelAutoChoice> autoChoice) {
        this.defaults = defaults;
        this.jobs = jobs;
        this.templates = templates;
        this.projects = projects;
        this.autoChoice = autoChoice;
    }

    Job validate(NewJob in, String id, Instant now, String parentJobId) {
        if (in == null) throw new BadRequest("body", "a JSON object with at least a description is required");
        description(in.description());
        if (in.title() != null) title(in.title(), in.description());
        int priority = in.priority() == null ? 0 : in.priority();
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new BadRequest("priority", "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY + ", was " + priority);
        }
        if (in.model() != null && in.model().isBlank()) throw new BadRequest("model", "must not be blank when given");
        if (in.maxTurns() != null && in.maxTurns() < 1) throw new BadRequest("maxTurns", "must be at least 1");
        StopMode stopMode = stopMode(in);
        checkStopValue(stopMode, in.stopValue());
        if (in.repeatIntervalSeconds() != null && in.repeatIntervalSeconds() < 1) {
            throw new BadRequest("repeatIntervalSeconds", "must be at least 1");
        }
        Template template = template(in.templateId());
        String projectId = project(in.projectId());
        String requestedWorkDir = in.workDir() == null && template != null ? template.defaultWorkDir() : in.workDir();
        String workDir = workDir(requestedWorkDir);
        List<String> dependsOn = dependencies(in.dependsOn());
        Map<String, String> context = context(in.context());
        String title = in.title() == null || in.title().isBlank() ? Titles.fromDescription(in.description()) : in.title().strip();
        String model = in.model() != null ? in.model().strip()
                : template != null && template.defaultModel() != null ? template.defaultModel() : defaults.defaultModel();
        boolean useWorktree = Boolean.TRUE.equals(in.useWorktree());
        if (useWorktree && !GitFolders.insideRepository(Path.of(workDir))) {
            throw new BadRequest("useWorktree", "workDir " + workDir + " is not inside a git repository");
        }
        List<String> checks = completionChecks(in.completionChecks());
        RetryPolicy retryPolicy = retryPolicy(in.retryPolicy());
        int maxRetries = maxRetries(in.maxRetries(), retryPolicy);
        return new Job(id, title, in.description(), JobStatus.QUEUED, null, priority, model, workDir, in.maxTurns(),
                stopMode, in.stopValue(), context, in.scheduledAt(), in.repeatIntervalSeconds(), dependsOn,
                parentJobId, null, now, now, useWorktree, checks, retryPolicy, maxRetries, 1,
                template == null ? null : template.id(), projectId, template == null ? null : template.content(), false,
                null, modelChoice(in, template), Boolean.TRUE.equals(in.interactive()));
    }

    /**
     * A model given, or a template's default model, always wins; without one the job waits for the classifier, when
     * one is active.
     */
    private ModelChoice modelChoice(NewJob in, Template template) {
        if (in.model() != null || (template != null && template.defaultModel() != null)) return ModelChoice.EXPLICIT;
        ModelAutoChoice auto = autoChoice.getIfAvailable();
        if (auto != null && auto.active()) return new ModelChoice(ModelChoice.Source.PENDING, null, "classifying");
        return new ModelChoice(ModelChoice.Source.DEFAULT, null, null);
    }

    private Template template(String id) {
        if (id == null) return null;
        if (id.isBlank()) throw new BadRequest("templateId", "must not be blank when given");
        return templates.findForUpdate(id).orElseThrow(() -> new BadRequest("templateId", "no template with id " + id));
    }

    private String project(String id) {
        if (id == null) return null;
        if (id.isBlank()) throw new BadRequest("projectId", "must not be blank when given");
        return projects.findForUpdate(id).orElseThrow(() -> new BadRequest("projectId", "no project with id " + id)).id();
    }

    /** A checked description: required, not blank, bounded. */
    String description(String description) {
        if (description == null || description.isBlank()) {
            throw new BadRequest("description", "is required and must not be blank");
        }
        if (description.length() > MAX_DESCRIPTION_CHARS) {
            throw new BadRequest("description", "must be at most " + MAX_DESCRIPTION_CHARS + " characters, was "
                    + description.length());
        }
        return description;
    }

    /** A checked title, stripped; a blank one is made from the description's first line. */
    String title(String title, String description) {
        if (title.strip().length() > MAX_TITLE_CHARS) {
            throw new BadRequest("title", "must be at most " + MAX_TITLE_CHARS + " characters, was " + title.strip().length());
        }
        return title.isBlank() ? Titles.fromDescription(description) : title.strip();
    }


    private static List<String> completionChecks(List<String> requested) {
        if (requested == null) return List.of();
        for (String check : requested) {
            if (CompletionCheck.parse(check).isEmpty()) {
                throw new BadRequest("completionChecks", "must each be diff_not_empty, no_error_in_output or "
                        + "custom_command:<command>, was '" + check + "'");
            }
        }
        return List.copyOf(requested);
    }

    private static RetryPolicy retryPolicy(String requested) {
        if (requested == null) return RetryPolicy.NONE;
        return RetryPolicy.parse(requested).orElseThrow(() -> new BadRequest("retryPolicy",
                "must be one of " + RetryPolicy.choices() + ", was '" + requested + "'"));
    }

    private static int maxRetries(Integer requested, RetryPolicy policy) {
        if (requested == null) return policy == RetryPolicy.NONE ? 0 : 1;
        if (requested < 0 || requested > MAX_RETRIES) {
            throw new BadRequest("maxRetries", "must be between 0 and " + MAX_RETRIES + ", was " + requested);
        }
        return requested;
    }

    private static StopMode stopMode(NewJob in) {
        if (in.stopMode() == null) return StopMode.TURNS;
        return StopMode.parse(in.stopMode()).orElseThrow(() -> new BadRequest("stopMode",
                "must be one of " + StopMode.choices() + ", was '" + in.stopMode() + "'"));
    }

    private static void checkStopValue(StopMode mode, Double value) {
        if (value != null && (value.isNaN() || value <= 0)) throw new BadRequest("stopValue", "must be a positive number");
        if ((mode == StopMode.BUDGET || mode == StopMode.TIME) && value == null) {
            throw new BadRequest("stopValue", "is required for stopMode " + mode.json()
                    + (mode == StopMode.BUDGET ? " (US dollars)" : " (minutes)"));
        }
    }

    private String workDir(String requested) {
        if (requested == null || requested.isBlank()) return defaults.defaultWorkDir();
        Path path = Path.of(requested).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) throw new BadRequest("workDir", "no such directory: " + requested);
        return path.toString();
    }

    private List<String> dependencies(List<String> requested) {
        if (requested == null || requested.isEmpty()) return List.of();
        var unique = new LinkedHashSet<String>();
        for (String id : requested) {
            if (id == null || id.isBlank()) throw new BadRequest("dependsOn", "job ids must not be blank");
            unique.add(id);
        }
        List<String> unknown = unique.stream().filter(id -> !jobs.exists(id)).toList();
        if (!unknown.isEmpty()) throw new BadRequest("dependsOn", "unknown job id(s): " + String.join(", ", unknown));
        return List.copyOf(unique);
    }

    private static Map<String, String> context(Map<String, String> requested) {
        if (requested == null) return Map.of();
        if (requested.size() > MAX_CONTEXT_ENTRIES) {
            throw new BadRequest("context", "must have at most " + MAX_CONTEXT_ENTRIES + " entries, had " + requested.size());
        }
        var copy = new LinkedHashMap<String, String>();
        requested.forEach((key, value) -> {
            if (key.isBlank()) throw new BadRequest("context", "keys must not be blank");
            if (value == null) throw new BadRequest("context." + key, "must be a string, was null");
            if (value.length() > MAX_CONTEXT_VALUE_CHARS) {
                throw new BadRequest("context." + key, "must be at most " + MAX_CONTEXT_VALUE_CHARS + " characters");
            }
            copy.put(key, value);
        });
        return copy;
    }
}

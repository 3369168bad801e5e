package dev.autodev.debates;

import dev.autodev.common.GitFolders;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.jobs.JobsProperties;
import dev.autodev.templates.TemplateService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Checks a new debate field by field and fills in the defaults; a refusal names the field and stores nothing. */
@Component
class DebateValidator {

    static final int MAX_TASK_CHARS = 20_000;
    static final int MAX_POST_ACTION_CHARS = 10_000;
    static final int MAX_ROUNDS = 10;
    static final int MAX_LOOPS = 10;
    static final int DEFAULT_ROUNDS = 3;

    private final JobsProperties jobs;
    private final DebatesProperties properties;
    private final TemplateService templates;

    DebateValidator(JobsProperties jobs, DebatesProperties properties, TemplateService templates) {
        this.jobs = jobs;
        this.properties = properties;
        this.templates = templates;
    }

    /** Checks the request; the debate's jobs will join {@code projectId}. */
    Debate validate(NewDebate in, String id, Instant now, String projectId) {
        if (in == null) throw new BadRequest("body", "a JSON object with at least a task is required");
        if (in.task() == null || in.task().isBlank()) throw new BadRequest("task", "is required and must not be blank");
        if (in.task().length() > MAX_TASK_CHARS) {
            throw new BadRequest("task", "must be at most " + MAX_TASK_CHARS + " characters, was " + in.task().length());
        }
        String claude = claudeModel(in.claudeModel());
        String codex = codexModel(in.codexModel());
        int rounds = between("maxRounds", in.maxRounds(), DEFAULT_ROUNDS, MAX_ROUNDS);
        int loops = between("loopCount", in.loopCount(), 1, MAX_LOOPS);
        String postAction = blankToNull(in.postActionPrompt());
        if (postAction != null && postAction.length() > MAX_POST_ACTION_CHARS) {
            throw new BadRequest("postActionPrompt", "must be at most " + MAX_POST_ACTION_CHARS + " characters, was " + postAction.length());
        }
        Side role = in.postActionRole() == null || in.postActionRole().isBlank() ? Side.CLAUDE : Side.parse(in.postActionRole());
        if (role == null) throw new BadRequest("postActionRole", "must be claude or codex, was " + in.postActionRole());
        String templateId = blankToNull(in.templateId());
        if (templateId != null && templates.find(templateId).isEmpty()) {
            throw new BadRequest("templateId", "no template with id " + templateId);
        }
        String workDir = workDir(in.workDir());
        boolean useWorktree = Boolean.TRUE.equals(in.useWorktree());
        if (useWorktree && !GitFolders.insideRepository(Path.of(workDir))) {
            throw new BadRequest("workDir", "must be inside a git repository when useWorktree is on, was " + workDir);
        }
        return new Debate(id, in.task(), claude, codex, rounds, templateId, workDir, postAction, role,
                Boolean.TRUE.equals(in.verification()), loops, projectId, DebateStatus.DEBATING, null, null, useWorktree,
                null, null, null, null, null, WorktreeState.NONE, now, now);
    }

    private String claudeModel(String requested) {
        if (requested == null) return jobs.defaultModel();
        if (requested.isBlank()) throw new BadRequest("claudeModel", "must not be blank when given");
        String model = requested.strip();
        if (model.toLowerCase(Locale.ROOT).startsWith("codex")) {
            throw new BadRequest("claudeModel", "must be a Claude model, was " + model);
        }
        return model;
    }

    /** Codex jobs name their model {@code codex} or {@code codex-<model>}; a bare {@code gpt-5.5} is taken as the latter. */
    private String codexModel(String requested) {
        if (requested != null && requested.isBlank()) throw new BadRequest("codexModel", "must not be blank when given");
        String model = requested == null ? properties.defaultCodexModel() : requested.strip();
        if (model.toLowerCase(Locale.ROOT).startsWith("claude")) {
            throw new BadRequest("codexModel", "must be a Codex model, was " + model);
        }
        return model.toLowerCase(Locale.ROOT).startsWith("codex") ? model : "codex-" + model;
    }

    private static int between(String field, Integer value, int fallback, int max) {
        if (value == null) return fallback;
        if (value < 1 || value > max) throw new BadRequest(field, "must be between 1 and " + max + ", was " + value);
        return value;
    }

    private String workDir(String requested) {
        if (requested == null || requested.isBlank()) return jobs.defaultWorkDir();
        Path path = Path.of(requested).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) throw new BadRequest("workDir", "no such directory: " + requested);
        return path.toString();
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

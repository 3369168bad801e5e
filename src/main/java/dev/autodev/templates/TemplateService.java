package dev.autodev.templates;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.TextInput;
import dev.autodev.templates.TemplateStats.ModelStats;
import dev.autodev.templates.TemplateStats.TemplateModelStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and reading templates, and how the jobs that used them went. */
@Service
public class TemplateService {

    /** Guidelines, not documents: the same bound as a job's description, since both end up in one prompt. */
    static final int MAX_CONTENT_CHARS = 100_000;
    static final int MAX_MODEL_CHARS = 200;
    static final int MAX_WORK_DIR_CHARS = 4_096;

    private final TemplateRepository templates;
    private final TemplateStatsRepository stats;
    private final Clock clock;

    TemplateService(TemplateRepository templates, TemplateStatsRepository stats, Clock clock) {
        this.templates = templates;
        this.stats = stats;
        this.clock = clock;
    }

    @Transactional
    public Template create(TemplateInput in) {
        Instant now = now();
        Template template = checked(in, Ids.newId(), now, now);
        templates.insert(template);
        return template;
    }

    /** Replaces a template's fields; jobs created from it earlier keep the guidelines they were given. */
    @Transactional
    public Template update(String id, TemplateInput in) {
        Template old = templates.findForUpdate(id).orElseThrow(() -> new NotFound("template", id));
        Template template = checked(in, id, old.createdAt(), now());
        templates.update(template);
        return template;
    }

    /** Deletes a template; its jobs stay, with their guidelines, and no longer count towards any stats. */
    @Transactional
    public void delete(String id) {
        if (!templates.delete(id)) throw new NotFound("template", id);
    }

    public Template get(String id) {
        return find(id).orElseThrow(() -> new NotFound("template", id));
    }

    public Optional<Template> find(String id) {
        return templates.find(id);
    }

    /** As {@link #find}, through the writer connection, for use inside a write transaction. */
    public Optional<Template> findForUpdate(String id) {
        return templates.findForUpdate(id);
    }

    public List<Template> list() {
        return templates.all();
    }

    /** The template's finished runs, overall and by model. */
    public TemplateStats stats(String id) {
        Template template = get(id);
        List<ModelStats> byModel = stats.byModel(id);
        return new TemplateStats(id, template.name(), TemplateStatsRepository.total(byModel), byModel);
    }

    /** Every template's finished runs by model, one row per template and model that has runs. */
    public List<TemplateModelStats> statsByTemplateAndModel() {
        return stats.byTemplateAndModel();
    }

    private Template checked(TemplateInput in, String id, Instant createdAt, Instant now) {
        if (in == null) throw new BadRequest("body", "a JSON object with a name and content is required");
        String name = TextInput.name("name", in.name());
        String content = TextInput.required("content", in.content(), MAX_CONTENT_CHARS);
        String model = TextInput.optional("defaultModel", in.defaultModel(), MAX_MODEL_CHARS);
        String workDir = TextInput.optional("defaultWorkDir", in.defaultWorkDir(), MAX_WORK_DIR_CHARS);
        if (workDir != null) {
            Path dir = Path.of(workDir).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) throw new BadRequest("defaultWorkDir", "no such directory: " + workDir);
            workDir = dir.toString();
        }
        if (templates.nameTaken(name, id)) throw new Conflict("name", "a template named '" + name + "' already exists");
        return new Template(id, name, content, model, workDir, createdAt, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

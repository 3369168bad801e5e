package dev.autodev.batches;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.TextInput;
import dev.autodev.debates.DebateService;
import dev.autodev.debates.NewDebate;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.NewJob;
import dev.autodev.projects.Project;
import dev.autodev.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Batch templates: saved lists of tasks, and running one as a project of jobs. */
@Service
public class BatchService {

    /** A batch is a list a person reads through; past this it is a script's job. */
    static final int MAX_ITEMS = 500;
    /** The same bound as a job's description, which each item becomes. */
    static final int MAX_ITEM_CHARS = 100_000;

    private final BatchTemplateRepository batches;
    private final ProjectService projects;
    private final JobService jobs;
    private final DebateService debates;
    private final Clock clock;

    BatchService(BatchTemplateRepository batches, ProjectService projects, JobService jobs, DebateService debates,
                 Clock clock) {
        this.batches = batches;
        this.projects = projects;
        this.jobs = jobs;
        this.debates = debates;
        this.clock = clock;
    }

    @Transactional
    public BatchTemplate create(BatchTemplateInput in) {
        Instant now = now();
        BatchTemplate batch = checked(in, Ids.newId(), now, now);
        batches.insert(batch);
        return batch;
    }

    @Transactional
    public BatchTemplate update(String id, BatchTemplateInput in) {
        BatchTemplate old = batches.findForUpdate(id).orElseThrow(() -> new NotFound("batch template", id));
        BatchTemplate batch = checked(in, id, old.createdAt(), now());
        batches.update(batch);
        return batch;
    }

    @Transactional
    public void delete(String id) {
        if (!batches.delete(id)) throw new NotFound("batch template", id);
    }

    public BatchTemplate get(String id) {
        return batches.find(id).orElseThrow(() -> new NotFound("batch template", id));
    }

    public List<BatchTemplate> list() {
        return batches.all();
    }

    /**
     * Creates one job per item, with the run's options, in a new project named after the batch and today's date
     * (numbered when that name is taken). All or nothing: an option a job refuses stores no job and no project.
     */
    @Transactional
    public BatchRunResult run(String id, BatchRunRequest options) {
        BatchTemplate batch = batches.findForUpdate(id).orElseThrow(() -> new NotFound("batch template", id));
        BatchRunRequest o = options == null ? new BatchRunRequest(null, null, null, null, null, null, null, null, null, null) : options;
        boolean debateMode = checkMode(o.mode());
        String date = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).toString();
        Project project = projects.createUnique(batch.name() + " " + date, "Batch run of " + batch.name());
        if (debateMode) return runDebates(batch, o, project);
        List<String> jobIds = new ArrayList<>();
        for (String item : batch.items()) {
            NewJob request = new NewJob(item, null, o.priority(), o.model(), o.workDir(), o.maxTurns(), o.stopMode(),
                    o.stopValue(), null, null, null, null, o.useWorktree(), null, null, null, o.templateId(), project.id(), null);
            Job job = jobs.create(request);
            jobIds.add(job.id());
        }
        return new BatchRunResult(project.id(), project.name(), jobIds, List.of());
    }

    /** One debate per item, all in the run's project; in the same transaction, so a refused option stores nothing. */
    private BatchRunResult runDebates(BatchTemplate batch, BatchRunRequest o, Project project) {
        NewDebate d = o.debate() == null ? NewDebate.of(null) : o.debate();
        List<String> debateIds = new ArrayList<>();
        for (String item : batch.items()) {
            NewDebate request = new NewDebate(item, d.claudeModel(), d.codexModel(), d.maxRounds(),
                    d.templateId() != null ? d.templateId() : o.templateId(), d.workDir() != null ? d.workDir() : o.workDir(),
                    d.postActionPrompt(), d.postActionRole(), d.verification(), d.loopCount(),
                    d.useWorktree() != null ? d.useWorktree() : o.useWorktree());
            debateIds.add(debates.create(request, project.id()).id());
        }
        return new BatchRunResult(project.id(), project.name(), List.of(), debateIds);
    }

    /** True for debate mode. */
    private static boolean checkMode(String mode) {
        if (mode == null || mode.equals("normal")) return false;
        if (mode.equals("debate")) return true;
        throw new BadRequest("mode", "must be one of normal, debate, was '" + mode + "'");
    }

    private BatchTemplate checked(BatchTemplateInput in, String id, Instant createdAt, Instant now) {
        if (in == null) throw new BadRequest("body", "a JSON object with a name and items is required");
        String name = TextInput.name("name", in.name());
        if (in.items() == null || in.items().isEmpty()) throw new BadRequest("items", "must list at least one task");
        if (in.items().size() > MAX_ITEMS) {
            throw new BadRequest("items", "must list at most " + MAX_ITEMS + " tasks, had " + in.items().size());
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < in.items().size(); i++) {
            items.add(TextInput.required("items[" + i + "]", in.items().get(i), MAX_ITEM_CHARS));
        }
        if (batches.nameTaken(name, id)) throw new Conflict("name", "a batch template named '" + name + "' already exists");
        return new BatchTemplate(id, name, items, createdAt, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

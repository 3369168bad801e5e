package dev.autodev.jobs;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.GroupCommit;
import dev.autodev.common.Ids;
import dev.autodev.common.Page;
import dev.autodev.common.StateTransitions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and reading jobs. Running them is the queue's business. */
@Service
public class JobService {

    private final JobValidator validator;
    private final JobRepository jobs;
    private final StateTransitions transitions;
    private final ApplicationEventPublisher events;
    private final GroupCommit groupCommit;
    private final Clock clock;

    JobService(JobValidator validator, JobRepository jobs, StateTransitions transitions,
               ApplicationEventPublisher events, GroupCommit groupCommit, Clock clock) {
        this.groupCommit = groupCommit;
        this.validator = validator;
        this.jobs = jobs;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /** Validates and stores a job (with its dependencies) atomically; on bad input nothing is stored. */
    public Job create(NewJob request) {
        return create(request, (String) null);
    }

    /**
     * As {@link #create(NewJob)}, recording the job that asked for this one. Jobs often come in bursts (a batch, a
     * script, agents splitting work), so each is validated and stored as one write of a shared commit rather than in a
     * transaction of its own; inside a caller's transaction it joins that one.
     */
    public Job create(NewJob request, String parentJobId) {
        return groupCommit.run(() -> {
            Job job = validator.validate(request, Ids.newId(), clock.instant().truncatedTo(ChronoUnit.MILLIS), parentJobId);
            return store(job);
        });
    }

    /**
     * As {@link #create(NewJob)}, for an engine that creates jobs on behalf of {@code owner} (stored as the job's
     * neutral owner reference). Joins the caller's transaction, so the engine can record its own step with the job.
     */
    @Transactional
    public Job create(NewJob request, JobOwner owner) {
        Job job = create(request, (String) null);
        jobs.setOwner(job.id(), owner);
        return job;
    }

    /** The owner a job was created for, if any. */
    public java.util.Optional<JobOwner> ownerOf(String jobId) {
        return jobs.ownerOf(jobId);
    }

    /** A fresh queued copy of a job (same description and settings), linked to the original. */
    @Transactional
    public Job retry(String jobId) {
        return retry(jobId, Map.of());
    }

    /** As {@link #retry(String)}, adding {@code extraContext} (e.g. a diagnosis) to the copy's context. */
    @Transactional
    public Job retry(String jobId, Map<String, String> extraContext) {
        Job original = jobs.findForUpdate(jobId).orElseThrow(() -> new NotFound("job", jobId));
        return store(original.copyForRetry(Ids.newId(), clock.instant().truncatedTo(ChronoUnit.MILLIS), extraContext));
    }

    /**
     * Stores the model the classifier chose for a job waiting for one, and announces it so the job is dispatched.
     * False when the job was not waiting (it was cancelled, or another pass chose already).
     */
    public boolean chooseModel(String jobId, String model, ModelChoice choice) {
        if (!jobs.chooseModel(jobId, model, choice, clock.millis())) return false;
        Job job = get(jobId);
        events.publishEvent(new JobChanged(jobId, job.status()));
        return true;
    }

    public Job get(String id) {
        return jobs.find(id).orElseThrow(() -> new NotFound("job", id));
    }

    public Page<Job> list(JobStatus status, int page, int size) {
        return list(JobFilter.status(status), page, size);
    }

    public Page<Job> list(JobFilter filter, int page, int size) {
        return new Page<>(jobs.page(filter, page, size), page, size, jobs.count(filter));
    }

    /** Turns the job's flag on when it is off, off when it is on. */
    @Transactional
    public Job toggleFlag(String id) {
        if (!jobs.toggleFlag(id, clock.millis())) throw new NotFound("job", id);
        return changed(id);
    }

    /** Takes a finished job off the board (it stays in the archive view); 409 for a job that may still run. */
    @Transactional
    public Job archive(String id) {
        Job job = jobs.findForUpdate(id).orElseThrow(() -> new NotFound("job", id));
        if (job.archived()) throw new Conflict("job is already archived");
        if (!job.status().isTerminal()) {
            throw new Conflict("job is " + job.status().wireName() + "; only a finished job can be archived");
        }
        jobs.archive(id, clock.millis());
        return changed(id);
    }

    /** Puts an archived job back on the board. */
    @Transactional
    public Job unarchive(String id) {
        Job job = jobs.findForUpdate(id).orElseThrow(() -> new NotFound("job", id));
        if (!job.archived()) throw new Conflict("job is not archived");
        jobs.unarchive(id, clock.millis());
        return changed(id);
    }

    /** Changes the title or description of a job that has not started yet; 409 once it has. */
    @Transactional
    public Job edit(String id, JobEdit edit) {
        if (edit == null || (edit.title() == null && edit.description() == null)) {
            throw new BadRequest("body", "give a title, a description, or both");
        }
        Job job = jobs.findForUpdate(id).orElseThrow(() -> new NotFound("job", id));
        String description = edit.description() == null ? job.description() : validator.description(edit.description());
        String title = edit.title() == null ? job.title() : validator.title(edit.title(), description);
        if (job.status() != JobStatus.QUEUED || !jobs.edit(id, title, description, clock.millis())) {
            throw new Conflict("job is " + job.status().wireName() + "; only a queued job can be edited");
        }
        return changed(id);
    }

    private Job changed(String id) {
        Job job = jobs.findForUpdate(id).orElseThrow();
        events.publishEvent(new JobChanged(id, job.status()));
        return job;
    }

    private Job store(Job job) {
        jobs.insert(job);
        transitions.record("job", job.id(), null, JobStatus.QUEUED, job.retryOfJobId() == null ? "created" : "retry of " + job.retryOfJobId());
        events.publishEvent(new JobChanged(job.id(), job.status()));
        if (job.modelChoice().source() == ModelChoice.Source.PENDING) events.publishEvent(new JobAwaitsModel(job.id()));
        return job;
    }
}

package dev.autodev.kb;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing knowledge-base entries, as people (REST) and triage do. */
@Service
public class KnowledgeBase {

    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_CONTENT_CHARS = 4000;
    static final int MAX_SEARCH_RESULTS = 50;

    private final KbRepository entries;
    private final LearningRepository learnings;
    private final ProjectKeys projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeBase(KbRepository entries, LearningRepository learnings, ProjectKeys projects,
                  ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.learnings = learnings;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    /** An entry a person writes: approved at once, since a person wrote it. */
    @Transactional
    public KbEntry create(NewKbEntry request) {
        return store(valid(request, null), KbEntryStatus.APPROVED, null, null, null);
    }

    /** An entry kept by triage, with the run it came from. */
    @Transactional
    public KbEntry createLearned(NewKbEntry request, KbEntryStatus status, String runId, String jobId, String model) {
        return store(valid(request, null), status, runId, jobId, model);
    }

    @Transactional
    public KbEntry update(String id, NewKbEntry changes) {
        KbEntry old = entries.findForUpdate(id).orElseThrow(() -> new NotFound("knowledge-base entry", id));
        NewKbEntry merged = new NewKbEntry(
                changes.title() != null ? changes.title() : old.title(),
                changes.content() != null ? changes.content() : old.content(),
                changes.tags() != null ? changes.tags() : old.tags(),
                changes.scope() != null ? changes.scope() : old.scope().wireName(),
                changes.project() != null ? changes.project() : old.project());
        KbEntry checked = valid(merged, old);
        KbEntry updated = new KbEntry(id, checked.title(), checked.content(), checked.tags(), checked.scope(),
                checked.project(), old.status(), old.sourceRunId(), old.sourceJobId(), old.sourceModel(),
                old.createdAt(), now(), old.injectedCount(), old.foundCount());
        entries.update(updated);
        events.publishEvent(new KbChanged(id, KbChanged.Change.CHANGED));
        return updated;
    }

    @Transactional
    public KbEntry approve(String id) {
        KbEntry entry = entries.findForUpdate(id).orElseThrow(() -> new NotFound("knowledge-base entry", id));
        if (entry.status() == KbEntryStatus.APPROVED) return entry;
        entries.approve(id, now().toEpochMilli());
        events.publishEvent(new KbChanged(id, KbChanged.Change.CHANGED));
        return entries.findForUpdate(id).orElseThrow();
    }

    @Transactional
    public void delete(String id) {
        if (!entries.delete(id)) throw new NotFound("knowledge-base entry", id);
        events.publishEvent(new KbChanged(id, KbChanged.Change.REMOVED));
    }

    public KbEntry get(String id) {
        return find(id).orElseThrow(() -> new NotFound("knowledge-base entry", id));
    }

    public Optional<KbEntry> find(String id) {
        return entries.find(id);
    }

    public Page<KbEntry> list(KbFilter filter, int page, int size) {
        KbFilter normalized = normalized(filter);
        return new Page<>(entries.list(normalized, page, size), page, size, entries.count(normalized));
    }

    /**
     * Full-text search, best first, with a snippet per hit; every word of {@code query} must occur. An empty list
     * when the query has no words.
     *
     * @param withGlobal with a project filter, also return global entries
     */
    public List<KbSearchHit> search(String query, KbFilter filter, boolean withGlobal, int limit) {
        if (query == null || query.isBlank()) throw new BadRequest("q", "is required");
        if (limit < 1 || limit > MAX_SEARCH_RESULTS) throw new BadRequest("limit", "must be between 1 and " + MAX_SEARCH_RESULTS);
        String match = FtsQuery.allWords(query);
        if (match.isEmpty()) return List.of();
        return entries.search(match, normalized(filter), withGlobal, limit);
    }

    /** The learnings a job's runs reported, with triage's decisions; without a job, the newest 100. */
    public List<Learning> learnings(String jobId) {
        return jobId == null || jobId.isBlank() ? learnings.recent(100) : learnings.ofJob(jobId);
    }

    /** A key for what a person or agent named as a project (a directory resolves to its repository). */
    public String projectKey(String project) {
        return projects.normalize(project);
    }

    private KbFilter normalized(KbFilter filter) {
        return new KbFilter(projects.normalize(filter.project()), filter.scope(), filter.status(), filter.tag());
    }

    private KbEntry store(KbEntry valid, KbEntryStatus status, String runId, String jobId, String model) {
        Instant now = now();
        KbEntry entry = new KbEntry(Ids.newId(), valid.title(), valid.content(), valid.tags(), valid.scope(),
                valid.project(), status, runId, jobId, model, now, now, 0, 0);
        entries.insert(entry);
        events.publishEvent(new KbChanged(entry.id(), KbChanged.Change.ADDED));
        return entry;
    }

    /** Checks a submitted entry and returns its clean form (only the fields a submission has are set). */
    private KbEntry valid(NewKbEntry in, KbEntry old) {
        if (in == null) throw new BadRequest("body", "a JSON object with title, content and scope is required");
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) throw new BadRequest("title", "is required and must not be blank");
        if (title.length() > MAX_TITLE_CHARS) throw new BadRequest("title", "must be at most " + MAX_TITLE_CHARS + " characters, was " + title.length());
        String content = in.content() == null ? "" : in.content().strip();
        if (content.isEmpty()) throw new BadRequest("content", "is required and must not be blank");
        if (content.length() > MAX_CONTENT_CHARS) throw new BadRequest("content", "must be at most " + MAX_CONTENT_CHARS + " characters, was " + content.length());
        List<String> tags = Tags.normalize(in.tags());
        if (tags.size() > Tags.MAX_TAGS) throw new BadRequest("tags", "at most " + Tags.MAX_TAGS + " tags, was " + tags.size());
        KbScope scope = in.scope() == null ? (in.project() == null ? KbScope.GLOBAL : KbScope.PROJECT)
                : KbScope.parse(in.scope()).orElseThrow(() -> new BadRequest("scope", "must be project or global, was " + in.scope()));
        String project = scope == KbScope.GLOBAL ? null : projects.normalize(in.project());
        if (scope == KbScope.PROJECT && project == null) throw new BadRequest("project", "is required for a project entry (a project key or a directory inside the project)");
        return new KbEntry(old == null ? null : old.id(), title, content, tags, scope, project, null, null, null, null,
                null, null, 0, 0);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package dev.autodev.web;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.Page;
import dev.autodev.kb.Consolidation;
import dev.autodev.kb.KbEntry;
import dev.autodev.kb.KbEntryStatus;
import dev.autodev.kb.KbFilter;
import dev.autodev.kb.KbScope;
import dev.autodev.kb.KbSearchHit;
import dev.autodev.kb.KbSettings;
import dev.autodev.kb.KnowledgeBase;
import dev.autodev.kb.Learning;
import dev.autodev.kb.NewKbEntry;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base: entries, full-text search, consolidation, the learnings agents reported, review mode. */
@RestController
@RequestMapping("/api/knowledge-base")
class KnowledgeBaseController {

    private final KnowledgeBase kb;
    private final Consolidation consolidation;
    private final KbSettings settings;

    KnowledgeBaseController(KnowledgeBase kb, Consolidation consolidation, KbSettings settings) {
        this.kb = kb;
        this.consolidation = consolidation;
        this.settings = settings;
    }

    @GetMapping
    Page<KbEntry> list(@RequestParam(required = false) String project, @RequestParam(required = false) String scope,
                       @RequestParam(required = false) String tag, @RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size) {
        return kb.list(filter(project, scope, tag, status), QueryParams.page(page), QueryParams.size(size));
    }

    /** Best first; {@code snippet} marks the matched words as {@code [[word]]}. */
    @GetMapping("/search")
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String project,
                        @RequestParam(required = false) String scope, @RequestParam(required = false) String tag,
                        @RequestParam(required = false) String status, @RequestParam(defaultValue = "20") String limit) {
        int max = (int) QueryParams.longValue("limit", limit);
        List<KbSearchHit> hits = kb.search(q, filter(project, scope, tag, status), false, max);
        return new SearchResult(q, hits.size(), hits);
    }

    @GetMapping("/{id}")
    KbEntry get(@PathVariable String id) {
        return kb.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    KbEntry create(@RequestBody(required = false) NewKbEntry entry) {
        return kb.create(entry);
    }

    /** Changes the fields given; absent ones keep their value. */
    @PutMapping("/{id}")
    KbEntry update(@PathVariable String id, @RequestBody(required = false) NewKbEntry changes) {
        if (changes == null) throw new BadRequest("body", "a JSON object with the fields to change is required");
        return kb.update(id, changes);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        kb.delete(id);
    }

    @PostMapping("/{id}/approve")
    KbEntry approve(@PathVariable String id) {
        return kb.approve(id);
    }

    /** Merges near-duplicate entries now (it also runs on a schedule). Waits for the small model's answers. */
    @PostMapping("/consolidate")
    Consolidation.Report consolidate() {
        return consolidation.consolidate();
    }

    /** What agents reported with report_learnings, and what triage decided (for one job, or the newest). */
    @GetMapping("/learnings")
    List<Learning> learnings(@RequestParam(required = false) String jobId) {
        return kb.learnings(jobId);
    }

    @GetMapping("/settings")
    KbSettingsView settings() {
        return new KbSettingsView(settings.requireApproval());
    }

    @PutMapping("/settings")
    KbSettingsView putSettings(@RequestBody(required = false) KbSettingsView changes) {
        if (changes == null) throw new BadRequest("body", "a JSON object with the settings to change is required");
        if (changes.requireApproval() != null) settings.setRequireApproval(changes.requireApproval());
        return settings();
    }

    private static KbFilter filter(String project, String scope, String tag, String status) {
        KbScope parsedScope = scope == null || scope.isBlank() ? null
                : KbScope.parse(scope).orElseThrow(() -> new BadRequest("scope", "must be project or global, was '" + scope + "'"));
        KbEntryStatus parsedStatus = QueryParams.status(status, KbEntryStatus.values(), KbEntryStatus::fromWire);
        return new KbFilter(project == null || project.isBlank() ? null : project, parsedScope, parsedStatus, tag);
    }

    record SearchResult(String query, int count, List<KbSearchHit> results) {}

    /** @param requireApproval new entries from triage wait for a person's approval before they reach prompts */
    record KbSettingsView(Boolean requireApproval) {}
}

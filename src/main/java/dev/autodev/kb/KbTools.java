package dev.autodev.kb;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.Ids;
import dev.autodev.jobs.JobRepository;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolArguments;
import dev.autodev.mcp.ToolError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The knowledge base as MCP tools: search_kb and report_learnings. */
@Component
class KbTools implements McpToolProvider {

    static final int MAX_LEARNINGS = 5;
    private static final int DEFAULT_LIMIT = 5;
    private static final int MAX_LIMIT = 20;

    private final KnowledgeBase kb;
    private final KbRepository entries;
    private final LearningRepository learnings;
    private final JobRepository jobs;
    private final ProjectKeys projects;
    private final Clock clock;

    KbTools(KnowledgeBase kb, KbRepository entries, LearningRepository learnings, JobRepository jobs,
            ProjectKeys projects, Clock clock) {
        this.kb = kb;
        this.entries = entries;
        this.learnings = learnings;
        this.jobs = jobs;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(
                new McpTool("search_kb", KbToolTexts.SEARCH, KbToolTexts.SEARCH_SCHEMA, this::search),
                new McpTool("report_learnings", KbToolTexts.REPORT, KbToolTexts.REPORT_SCHEMA, this::report));
    }

    private Object search(AgentIdentity caller, JsonNode args) {
        String query = ToolArguments.requiredString(args, "query");
        String projectArg = ToolArguments.optionalString(args, "project_id");
        Integer limit = ToolArguments.optionalInt(args, "limit");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) throw new ToolError("limit: must be between 1 and " + MAX_LIMIT);
        String project = projectArg != null ? projects.normalize(projectArg) : callerProject(caller);
        List<KbSearchHit> hits = kb.search(query, new KbFilter(project, null, KbEntryStatus.APPROVED, null), true,
                limit == null ? DEFAULT_LIMIT : limit);
        entries.countFound(hits.stream().map(h -> h.entry().id()).toList());
        List<Found> found = hits.stream().map(h -> new Found(h.entry().id(), h.entry().title(), h.snippet(),
                h.entry().scope().wireName(), h.entry().tags(), h.entry().content())).toList();
        return new SearchResult(found.size(), found,
                found.isEmpty() ? "nothing matches every word; try fewer or other words" : null);
    }

    private Object report(AgentIdentity caller, JsonNode args) {
        JsonNode items = args.path("learnings");
        if (!items.isArray()) throw new ToolError("learnings: required, a list of 1 to " + MAX_LEARNINGS + " learnings");
        if (items.isEmpty() || items.size() > MAX_LEARNINGS) {
            throw new ToolError("learnings: give 1 to " + MAX_LEARNINGS + " learnings, was " + items.size());
        }
        String project = callerProject(caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Learning> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) parsed.add(parse(items.get(i), "learnings[" + i + "]", caller, project, now));
        parsed.forEach(learnings::insert);
        return new Reported(parsed.size(), "recorded; they are reviewed after your job ends");
    }

    private Learning parse(JsonNode item, String at, AgentIdentity caller, String project, Instant now) {
        if (!item.isObject()) throw new ToolError(at + ": must be an object with title and content");
        String title = text(item, at, "title", KnowledgeBase.MAX_TITLE_CHARS);
        String content = text(item, at, "content", KnowledgeBase.MAX_CONTENT_CHARS);
        List<String> tags;
        try {
            tags = Tags.normalize(ToolArguments.stringList(item, "tags", false));
        } catch (ToolError e) {
            throw new ToolError(at + "." + e.getMessage());
        }
        if (tags.size() > Tags.MAX_TAGS) throw new ToolError(at + ".tags: at most " + Tags.MAX_TAGS + " tags");
        String scopeText = item.path("scope").isString() ? item.path("scope").asString() : null;
        KbScope scope = scopeText == null ? KbScope.PROJECT : KbScope.parse(scopeText)
                .orElseThrow(() -> new ToolError(at + ".scope: must be project or global, was " + scopeText));
        return new Learning(Ids.newId(), caller.runId(), caller.jobId(), caller.model(), project, title, content, tags,
                scope, Learning.REPORTED, null, null, now, null);
    }

    private static String text(JsonNode item, String at, String field, int max) {
        JsonNode value = item.path(field);
        if (!value.isString() || value.asString().isBlank()) throw new ToolError(at + "." + field + ": required, a non-empty string");
        String text = value.asString().strip();
        if (text.length() > max) throw new ToolError(at + "." + field + ": at most " + max + " characters, was " + text.length());
        return text;
    }

    private String callerProject(AgentIdentity caller) {
        return jobs.find(caller.jobId()).map(projects::of).orElse(caller.workDir().toAbsolutePath().normalize().toString());
    }

    record Found(String id, String title, String snippet, String scope, List<String> tags, String content) {}

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record SearchResult(int count, List<Found> results, String hint) {}

    record Reported(int recorded, String message) {}
}

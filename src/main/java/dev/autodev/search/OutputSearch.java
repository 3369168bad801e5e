package dev.autodev.search;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over run output (table {@code output_search}, kept by a trigger on {@code agent_events}; see
 * migration V12). FTS5 sorts by rank itself and stops at the limit, so snippets are cut only for the page shown.
 */
@Repository
public class OutputSearch {

    // Markers FTS5 puts around matches; control characters never appear in escaped output, so they cannot be forged.
    private static final String OPEN = "\u0002";
    private static final String CLOSE = "\u0003";
    private static final String SEARCH = """
            SELECT run_id, seq, job_id, type, created_at, bm25(output_search, 2.0, 1.0) AS score,
                   snippet(output_search, -1, char(2), char(3), '…', 16) AS snippet
            FROM output_search
            WHERE output_search MATCH :q
              AND (:jobId IS NULL OR job_id = :jobId)
              AND (:projectId IS NULL OR job_id IN (SELECT id FROM jobs WHERE project_id = :projectId))
              AND (:type IS NULL OR type = :type)
              AND (:from IS NULL OR created_at >= :from)
              AND (:to IS NULL OR created_at < :to)
            ORDER BY rank LIMIT :limit OFFSET :offset""";
    private static final String TITLES = "SELECT id, title FROM jobs WHERE id IN (:ids)";

    private final Db db;

    OutputSearch(Db db) {
        this.db = db;
    }

    /** A page of matches; a query FTS5 cannot parse is a {@link BadRequest} on {@code q}. */
    public SearchResults search(SearchQuery query) {
        if (query.text() == null || query.text().isBlank()) throw new BadRequest("q", "must not be blank");
        List<Row> rows;
        try {
            rows = db.read().sql(SEARCH)
                    .param("q", query.text()).param("jobId", blankToNull(query.jobId()))
                    .param("projectId", blankToNull(query.projectId()))
                    .param("type", blankToNull(query.type()))
                    .param("from", query.from() == null ? null : query.from().toEpochMilli())
                    .param("to", query.to() == null ? null : query.to().toEpochMilli())
                    .param("limit", query.size() + 1).param("offset", (long) query.page() * query.size())
                    .query((rs, n) -> new Row(rs.getString("run_id"), rs.getLong("seq"), rs.getString("job_id"),
                            rs.getString("type"), rs.getLong("created_at"), rs.getDouble("score"),
                            rs.getString("snippet")))
                    .list();
        } catch (DataAccessException e) {
            throw badQueryOrRethrow(e);
        }
        boolean hasMore = rows.size() > query.size();
        List<Row> page = hasMore ? rows.subList(0, query.size()) : rows;
        Map<String, String> titles = titles(page);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (Row row : page) {
            hits.add(new SearchHit(row.runId, row.seq, row.jobId, titles.get(row.jobId), row.type,
                    instant(row.createdAt), highlight(row.snippet), row.score));
        }
        return new SearchResults(query.text(), query.page(), query.size(), hasMore, hits);
    }

    private Map<String, String> titles(List<Row> rows) {
        List<String> ids = rows.stream().map(Row::jobId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) return Map.of();
        return db.read().sql(TITLES).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("title"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** HTML-escapes the snippet and turns FTS5's markers into {@code <mark>} tags. */
    static String highlight(String snippet) {
        if (snippet == null) return "";
        String escaped = snippet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }

    /**
     * The statement is fixed and tested, so a plain SQL error from it (SQLITE_ERROR, code 1) is about the MATCH
     * expression: "fts5: syntax error near ...", "unterminated string", "no such column: x" for {@code x:word}.
     * Those are the person's query, not our bug; anything else (the disk, a busy database) stays a 500.
     */
    private static RuntimeException badQueryOrRethrow(DataAccessException e) {
        if (!(e.getMostSpecificCause() instanceof SQLException sql) || sql.getErrorCode() != 1) return e;
        String reason = String.valueOf(sql.getMessage()).replaceFirst("^\\[SQLITE_ERROR\\] SQL error or missing database \\((.*)\\)$", "$1");
        return new BadRequest("q", "not a search query FTS5 understands (" + reason + "); put words in double quotes"
                + " to search for them literally");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Row(String runId, long seq, String jobId, String type, long createdAt, double score,
                       String snippet) {}
}

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over run output (table {@code output_search}, kept by a trigger on {@code agent_events}; see
 * migration V12).
 *
 * <p>Where the time goes: bm25 costs a few microseconds per match and {@code ORDER BY rank} scores every match before
 * the first row comes back, so a word found in most output would cost seconds over a million events. Ranking is
 * therefore bounded to the newest {@link SearchProperties#rankWindow()} matches: a first query walks the matches
 * newest first (rowid order, the order output was indexed in; no scoring) to find where that window starts, the second ranks only the matches from
 * there (FTS5 takes the rowid bound into the index). Filters are added only when given: an unused
 * {@code (:x IS NULL OR column = :x)} still reads every match's stored row. Snippets are cut for the page shown only.
 */
@Repository
public class OutputSearch {

    // Markers FTS5 puts around matches; control characters never appear in escaped output, so they cannot be forged.
    private static final String OPEN = "\u0002";
    private static final String CLOSE = "\u0003";
    private static final String MATCHES = "FROM output_search WHERE output_search MATCH :q";
    private static final String BY_JOB = " AND job_id = :jobId";
    private static final String BY_PROJECT = " AND job_id IN (SELECT id FROM jobs WHERE project_id = :projectId)";
    private static final String BY_TYPE = " AND type = :type";
    private static final String SINCE = " AND created_at >= :from";
    private static final String BEFORE = " AND created_at < :to";
    /** The rowid of the first match past the window, newest first; none when the window holds every match. */
    private static final String WINDOW_END = "SELECT rowid %s%s ORDER BY rowid DESC LIMIT 1 OFFSET :window";
    private static final String SEARCH = """
            SELECT run_id, seq, job_id, type, created_at, bm25(output_search, 2.0, 1.0) AS score,
                   snippet(output_search, -1, char(2), char(3), '…', 16) AS snippet
            %s%s AND rowid > :floor
            ORDER BY rank LIMIT :limit OFFSET :offset""";
    private static final String TITLES = "SELECT id, title FROM jobs WHERE id IN (:ids)";

    private final Db db;
    private final int window;

    OutputSearch(Db db, SearchProperties properties) {
        this.db = db;
        this.window = properties.rankWindow();
    }

    /** A page of matches; a query FTS5 cannot parse is a {@link BadRequest} on {@code q}. */
    public SearchResults search(SearchQuery query) {
        if (query.text() == null || query.text().isBlank()) throw new BadRequest("q", "must not be blank");
        String filters = filters(query);
        Long floor;
        List<Row> rows;
        try {
            floor = bind(db.read().sql(WINDOW_END.formatted(MATCHES, filters)), query).param("window", window)
                    .query(Long.class).optional().orElse(null);
            rows = bind(db.read().sql(SEARCH.formatted(MATCHES, filters)), query).param("floor", floor == null ? 0L : floor)
                    .param("limit", query.size() + 1).param("offset", (long) query.page() * query.size())
                    .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getDouble(6), rs.getString(7)))
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
        return new SearchResults(query.text(), query.page(), query.size(), hasMore, hits, window, floor != null);
    }

    private static String filters(SearchQuery query) {
        StringBuilder sql = new StringBuilder();
        if (blankToNull(query.jobId()) != null) sql.append(BY_JOB);
        if (blankToNull(query.projectId()) != null) sql.append(BY_PROJECT);
        if (blankToNull(query.type()) != null) sql.append(BY_TYPE);
        if (query.from() != null) sql.append(SINCE);
        if (query.to() != null) sql.append(BEFORE);
        return sql.toString();
    }

    /** Binds the query and every filter's value; a statement ignores the names it does not use. */
    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
        return statement.param("q", query.text()).param("jobId", blankToNull(query.jobId()))
                .param("projectId", blankToNull(query.projectId())).param("type", blankToNull(query.type()))
                .param("from", query.from() == null ? null : query.from().toEpochMilli())
                .param("to", query.to() == null ? null : query.to().toEpochMilli());
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

package dev.autodev.kb;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Knowledge-base entries and their FTS5 index (kept in step by triggers), in plain SQL. */
@Repository
class KbRepository {

    private static final String COLUMNS = """
            e.id, e.title, e.content, e.tags, e.scope, e.project, e.status, e.source_run_id, e.source_job_id,
            e.source_model, e.created_at, e.updated_at, e.injected_count, e.found_count""";
    private static final String INSERT = """
            INSERT INTO kb_entries (id, title, content, tags, scope, project, status, source_run_id, source_job_id,
            source_model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE kb_entries SET title = ?, content = ?, tags = ?, scope = ?, project = ?, updated_at = ? WHERE id = ?""";
    private static final String APPROVE = "UPDATE kb_entries SET status = 'approved', updated_at = ? WHERE id = ? AND status = 'pending'";
    private static final String DELETE = "DELETE FROM kb_entries WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM kb_entries e WHERE e.id = ?";
    private static final String FILTER = """
             WHERE (:project IS NULL OR e.project = :project) AND (:scope IS NULL OR e.scope = :scope)
            AND (:status IS NULL OR e.status = :status) AND (:tag IS NULL OR (' ' || e.tags || ' ') LIKE :tag)""";
    private static final String LIST = "SELECT " + COLUMNS + " FROM kb_entries e" + FILTER
            + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM kb_entries e" + FILTER;
    // bm25 weights: a word in the title counts most, then in the tags, then in the content. Given as FTS5's own rank
    // and ordered by it, FTS5 ranks the matches itself and hands them over best first, so the join, the filters and
    // the snippet (which re-reads an entry's text) run for the rows the LIMIT keeps, not for every match.
    private static final String SEARCH = "SELECT " + COLUMNS + """
            , snippet(kb_fts, -1, '[[', ']]', '…', 16) AS snippet, kb_fts.rank AS rank
            FROM kb_fts JOIN kb_entries e ON e.rowid = kb_fts.rowid
            WHERE kb_fts MATCH :match AND kb_fts.rank MATCH 'bm25(5.0, 1.0, 2.0)'
            AND (:project IS NULL OR e.project = :project OR (:withGlobal = 1 AND e.scope = 'global'))
            AND (:scope IS NULL OR e.scope = :scope) AND (:status IS NULL OR e.status = :status)
            AND (:tag IS NULL OR (' ' || e.tags || ' ') LIKE :tag)
            ORDER BY kb_fts.rank LIMIT :limit""";
    // Where the filters keep a small part of the matches (one project's), ranking only the rows they keep is cheaper:
    // bm25 is computed for the rows past the WHERE clause only.
    private static final String RANKED_IN_SCOPE = "SELECT " + COLUMNS + """
            , '' AS snippet, bm25(kb_fts, 5.0, 1.0, 2.0) AS rank
            FROM kb_fts JOIN kb_entries e ON e.rowid = kb_fts.rowid
            WHERE kb_fts MATCH :match AND e.scope = :scope AND (:project IS NULL OR e.project = :project)
            AND e.status = 'approved' ORDER BY rank LIMIT :limit""";
    // One ranking pass for both scopes: the project's entries first, then global ones, each best first (ranked as
    // above, only past the filters).
    private static final String MEMORY = "SELECT " + COLUMNS + """
            , '' AS snippet, bm25(kb_fts, 5.0, 1.0, 2.0) AS rank
            FROM kb_fts JOIN kb_entries e ON e.rowid = kb_fts.rowid
            WHERE kb_fts MATCH :match AND (e.scope = 'global' OR e.project = :project) AND e.status = 'approved'
            ORDER BY e.scope = 'project' DESC, rank LIMIT :limit""";
    private static final String COUNT_USE = "UPDATE kb_entries SET %s = %s + 1 WHERE id IN (%s)";
    private static final String RECENT_APPROVED = "SELECT " + COLUMNS
            + " FROM kb_entries e WHERE e.status = 'approved' ORDER BY e.updated_at DESC LIMIT ?";
    private static final String VERSION = "SELECT (SELECT max(rowid) FROM kb_entries), (SELECT max(updated_at) FROM kb_entries)";
    private static final String VOCABULARY = "SELECT term, doc FROM kb_fts_terms";
    private static final String TERM_COUNTS = "SELECT term, doc FROM kb_fts_terms WHERE term IN (%s)";
    // FTS5's own command: merge up to |n| pages of the index's b-trees (n < 0: any two or more, across levels).
    private static final String MERGE_INDEX = "INSERT INTO kb_fts (kb_fts, rank) VALUES ('merge', ?)";
    private static final String TOTAL_CHANGES = "SELECT total_changes()";
    private static final String ADD_COUNTS = "UPDATE kb_entries SET injected_count = injected_count + ?, found_count = found_count + ? WHERE id = ?";

    private final Db db;

    KbRepository(Db db) {
        this.db = db;
    }

    void insert(KbEntry e) {
        db.write().sql(INSERT).params(e.id(), e.title(), e.content(), Tags.stored(e.tags()), e.scope().wireName(),
                e.project(), e.status().wireName(), e.sourceRunId(), e.sourceJobId(), e.sourceModel(),
                e.createdAt().toEpochMilli(), e.updatedAt().toEpochMilli()).update();
    }

    void update(KbEntry e) {
        db.write().sql(UPDATE).params(e.title(), e.content(), Tags.stored(e.tags()), e.scope().wireName(), e.project(),
                e.updatedAt().toEpochMilli(), e.id()).update();
    }

    boolean approve(String id, long nowMillis) {
        return db.write().sql(APPROVE).params(nowMillis, id).update() == 1;
    }

    boolean delete(String id) {
        return db.write().sql(DELETE).param(id).update() == 1;
    }

    Optional<KbEntry> find(String id) {
        return db.read().sql(BY_ID).param(id).query(KbRepository::map).optional();
    }

    Optional<KbEntry> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(KbRepository::map).optional();
    }

    List<KbEntry> list(KbFilter filter, int page, int size) {
        return filter.bind(db.read().sql(LIST)).param("limit", size).param("offset", (long) page * size)
                .query(KbRepository::map).list();
    }

    long count(KbFilter filter) {
        return filter.bind(db.read().sql(COUNT)).query(Long.class).single();
    }

    /** Entries matching an FTS5 query, best first; with {@code withGlobal}, a project filter lets global ones in. */
    List<KbSearchHit> search(String match, KbFilter filter, boolean withGlobal, int limit) {
        return filter.bind(db.read().sql(SEARCH)).param("match", match).param("withGlobal", withGlobal ? 1 : 0)
                .param("limit", limit).query(KbRepository::hit).list();
    }

    /** Approved entries of one scope (and project) matching an FTS5 query, best first, without snippets. */
    List<KbSearchHit> rankedInScope(JdbcClient client, String match, KbScope scope, String project, int limit) {
        return client.sql(RANKED_IN_SCOPE).param("match", match).param("scope", scope.wireName())
                .param("project", project).param("limit", limit).query(KbRepository::hit).list();
    }

    /** How many entries hold each of the words (lower case); words no entry holds are absent. */
    Map<String, Long> entriesHolding(List<String> words) {
        Map<String, Long> counts = new HashMap<>();
        if (words.isEmpty()) return counts;
        String placeholders = String.join(",", words.stream().map(w -> "?").toList());
        db.read().sql(TERM_COUNTS.formatted(placeholders)).params(words)
                .query(rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    /**
     * Which state the entries are in, cheaply (two index look-ups): an insert raises the newest row, an edit or
     * approval the latest change. A delete may change neither; what it takes away can only make cached counts high.
     */
    record Version(long newestRow, long lastChange) {}

    Version version() {
        return db.read().sql(VERSION).query((rs, row) -> new Version(rs.getLong(1), rs.getLong(2))).single();
    }

    /** How many entries hold each word of the index, or null when it has more than {@code max} words. */
    Map<String, Integer> vocabulary(int max) {
        Map<String, Integer> counts = new HashMap<>();
        boolean complete = Boolean.TRUE.equals(db.read().sql(VOCABULARY).query(rs -> {
            while (rs.next()) {
                if (counts.size() == max) return false;
                counts.put(rs.getString(1), rs.getInt(2));
            }
            return true;
        }));
        return complete ? counts : null;
    }

    /** Approved entries matching an FTS5 query: the project's first, then global ones, each best first. */
    List<KbEntry> memory(String match, String project, int limit) {
        return db.read().sql(MEMORY).param("match", match).param("project", project).param("limit", limit)
                .query(KbRepository::map).list();
    }

    /**
     * One step of merging the full-text index; true when it did work. Inside a transaction: the change counter it
     * reads belongs to the connection, and FTS5 documents a difference of two or more as "merged something".
     */
    boolean mergeIndex(int pages) {
        long before = db.write().sql(TOTAL_CHANGES).query(Long.class).single();
        db.write().sql(MERGE_INDEX).param(pages).update();
        return db.write().sql(TOTAL_CHANGES).query(Long.class).single() - before >= 2;
    }

    JdbcClient reader() {
        return db.read();
    }

    JdbcClient writer() {
        return db.write();
    }

    List<KbEntry> recentApproved(int limit) {
        return db.read().sql(RECENT_APPROVED).param(limit).query(KbRepository::map).list();
    }

    void countInjected(List<String> ids) {
        countUse("injected_count", ids);
    }

    void countFound(List<String> ids) {
        countUse("found_count", ids);
    }

    void addCounts(String id, long injected, long found) {
        db.write().sql(ADD_COUNTS).params(injected, found, id).update();
    }

    private void countUse(String column, List<String> ids) {
        if (ids.isEmpty()) return;
        String placeholders = String.join(",", ids.stream().map(i -> "?").toList());
        db.write().sql(COUNT_USE.formatted(column, column, placeholders)).params(ids).update();
    }

    private static KbSearchHit hit(ResultSet rs, int row) throws SQLException {
        return new KbSearchHit(map(rs, row), rs.getString("snippet"), rs.getDouble("rank"));
    }

    static KbEntry map(ResultSet rs, int row) throws SQLException {
        return new KbEntry(rs.getString("id"), rs.getString("title"), rs.getString("content"),
                Tags.fromStored(rs.getString("tags")), KbScope.parse(rs.getString("scope")).orElseThrow(),
                rs.getString("project"), KbEntryStatus.fromWire(rs.getString("status")), rs.getString("source_run_id"),
                rs.getString("source_job_id"), rs.getString("source_model"), instant(rs.getLong("created_at")),
                instant(rs.getLong("updated_at")), rs.getLong("injected_count"), rs.getLong("found_count"));
    }
}

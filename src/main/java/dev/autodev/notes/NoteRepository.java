package dev.autodev.notes;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Notes in plain SQL. Reads go to the reader pool: watchers re-read on every wake and must not queue behind writes. */
@Repository
class NoteRepository {

    private static final String UPSERT = """
            INSERT INTO notes (key, value, written_by_run_id, updated_at) VALUES (:key, :value, :runId, :at)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, written_by_run_id = excluded.written_by_run_id,
            updated_at = excluded.updated_at""";
    private static final String BY_KEY = "SELECT key, value, written_by_run_id, updated_at FROM notes WHERE key = ?";
    private static final String BY_KEYS = "SELECT key, value, written_by_run_id, updated_at FROM notes WHERE key IN (%s)";
    // substr instead of LIKE, so '%' and '_' in a prefix mean themselves.
    private static final String UNDER_PREFIX = """
            SELECT key, value, written_by_run_id, updated_at FROM notes
            WHERE substr(key, 1, length(:prefix)) = :prefix AND (:value IS NULL OR value = :value)
            ORDER BY key LIMIT :limit""";

    private final Db db;

    NoteRepository(Db db) {
        this.db = db;
    }

    void upsert(Note note) {
        db.write().sql(UPSERT).param("key", note.key()).param("value", note.value())
                .param("runId", note.writtenByRunId()).param("at", note.updatedAt().toEpochMilli()).update();
    }

    Optional<Note> find(String key) {
        return db.read().sql(BY_KEY).param(key).query(NoteRepository::map).optional();
    }

    List<Note> findAll(Collection<String> keys) {
        if (keys.isEmpty()) return List.of();
        String placeholders = String.join(",", keys.stream().map(k -> "?").toList());
        return db.read().sql(BY_KEYS.formatted(placeholders)).params(List.copyOf(keys)).query(NoteRepository::map).list();
    }

    /** Notes whose key starts with {@code prefix}, in key order; only those with {@code value} unless it is null. */
    List<Note> underPrefix(String prefix, String value, int limit) {
        return db.read().sql(UNDER_PREFIX).param("prefix", prefix).param("value", value).param("limit", limit)
                .query(NoteRepository::map).list();
    }

    private static Note map(ResultSet rs, int row) throws SQLException {
        return new Note(rs.getString("key"), rs.getString("value"), rs.getString("written_by_run_id"),
                instant(rs.getLong("updated_at")));
    }
}

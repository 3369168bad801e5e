package dev.autodev.batches;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Batch templates in plain SQL; the items are one JSON array, always read and written whole. */
@Repository
class BatchTemplateRepository {

    private static final String COLUMNS = "id, name, items_json, created_at, updated_at";
    private static final String INSERT = "INSERT INTO batch_templates (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE batch_templates SET name = ?, items_json = ?, updated_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM batch_templates WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM batch_templates WHERE id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM batch_templates ORDER BY name COLLATE NOCASE, id";
    private static final String NAME_TAKEN = "SELECT count(*) FROM batch_templates WHERE name = ? COLLATE NOCASE AND id <> ?";
    private static final TypeReference<List<String>> ITEMS = new TypeReference<>() {};

    private final Db db;
    private final JsonMapper json;

    BatchTemplateRepository(Db db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(BatchTemplate b) {
        db.write().sql(INSERT).params(b.id(), b.name(), json.writeValueAsString(b.items()),
                b.createdAt().toEpochMilli(), b.updatedAt().toEpochMilli()).update();
    }

    void update(BatchTemplate b) {
        db.write().sql(UPDATE).params(b.name(), json.writeValueAsString(b.items()), b.updatedAt().toEpochMilli(), b.id())
                .update();
    }

    boolean delete(String id) {
        return db.write().sql(DELETE).param(id).update() == 1;
    }

    Optional<BatchTemplate> find(String id) {
        return db.read().sql(BY_ID).param(id).query(this::map).optional();
    }

    Optional<BatchTemplate> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(this::map).optional();
    }

    List<BatchTemplate> all() {
        return db.read().sql(ALL).query(this::map).list();
    }

    boolean nameTaken(String name, String exceptId) {
        return db.write().sql(NAME_TAKEN).params(name, exceptId == null ? "" : exceptId).query(Long.class).single() > 0;
    }

    private BatchTemplate map(ResultSet rs, int row) throws SQLException {
        return new BatchTemplate(rs.getString("id"), rs.getString("name"), json.readValue(rs.getString("items_json"), ITEMS),
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")));
    }
}

package dev.autodev.templates;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Templates in plain SQL. */
@Repository
class TemplateRepository {

    private static final String COLUMNS = "id, name, content, default_model, default_work_dir, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO templates (id, name, content, default_model, default_work_dir, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE templates SET name = ?, content = ?, default_model = ?, default_work_dir = ?, updated_at = ?
            WHERE id = ?""";
    private static final String DELETE = "DELETE FROM templates WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM templates WHERE id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM templates ORDER BY name COLLATE NOCASE, id";
    private static final String NAME_TAKEN = "SELECT count(*) FROM templates WHERE name = ? COLLATE NOCASE AND id <> ?";

    private final Db db;

    TemplateRepository(Db db) {
        this.db = db;
    }

    void insert(Template t) {
        db.write().sql(INSERT).params(t.id(), t.name(), t.content(), t.defaultModel(), t.defaultWorkDir(),
                t.createdAt().toEpochMilli(), t.updatedAt().toEpochMilli()).update();
    }

    void update(Template t) {
        db.write().sql(UPDATE).params(t.name(), t.content(), t.defaultModel(), t.defaultWorkDir(),
                t.updatedAt().toEpochMilli(), t.id()).update();
    }

    boolean delete(String id) {
        return db.write().sql(DELETE).param(id).update() == 1;
    }

    Optional<Template> find(String id) {
        return db.read().sql(BY_ID).param(id).query(TemplateRepository::map).optional();
    }

    /** Through the writer, for checks inside a write transaction. */
    Optional<Template> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(TemplateRepository::map).optional();
    }

    List<Template> all() {
        return db.read().sql(ALL).query(TemplateRepository::map).list();
    }

    /** Whether another template (not {@code exceptId}) has this name, ignoring case. */
    boolean nameTaken(String name, String exceptId) {
        return db.write().sql(NAME_TAKEN).params(name, exceptId == null ? "" : exceptId).query(Long.class).single() > 0;
    }

    private static Template map(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString("id"), rs.getString("name"), rs.getString("content"),
                rs.getString("default_model"), rs.getString("default_work_dir"),
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")));
    }
}

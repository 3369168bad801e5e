package dev.autodev.projects;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Projects in plain SQL. */
@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, name, description, created_at, updated_at";
    private static final String INSERT = "INSERT INTO projects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE projects SET name = ?, description = ?, updated_at = ? WHERE id = ?";
    // jobs.project_id is ON DELETE SET NULL: the jobs stay, un-grouped.
    private static final String DELETE = "DELETE FROM projects WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM projects WHERE id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM projects ORDER BY created_at DESC, id DESC";
    private static final String NAME_TAKEN = "SELECT count(*) FROM projects WHERE name = ? COLLATE NOCASE AND id <> ?";
    private static final String JOB_COUNTS = """
            SELECT project_id, count(*) AS jobs FROM jobs WHERE project_id IS NOT NULL AND archived_at IS NULL
            GROUP BY project_id""";

    private final Db db;

    ProjectRepository(Db db) {
        this.db = db;
    }

    void insert(Project p) {
        db.write().sql(INSERT).params(p.id(), p.name(), p.description(), p.createdAt().toEpochMilli(),
                p.updatedAt().toEpochMilli()).update();
    }

    void update(Project p) {
        db.write().sql(UPDATE).params(p.name(), p.description(), p.updatedAt().toEpochMilli(), p.id()).update();
    }

    boolean delete(String id) {
        return db.write().sql(DELETE).param(id).update() == 1;
    }

    Optional<Project> find(String id) {
        return db.read().sql(BY_ID).param(id).query(ProjectRepository::map).optional();
    }

    Optional<Project> findForUpdate(String id) {
        return db.write().sql(BY_ID).param(id).query(ProjectRepository::map).optional();
    }

    List<Project> all() {
        return db.read().sql(ALL).query(ProjectRepository::map).list();
    }

    /** How many jobs on the board (not archived) each project has; projects without any are absent. */
    Map<String, Long> jobCounts() {
        var counts = new HashMap<String, Long>();
        db.read().sql(JOB_COUNTS).query(rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    boolean nameTaken(String name, String exceptId) {
        return db.write().sql(NAME_TAKEN).params(name, exceptId == null ? "" : exceptId).query(Long.class).single() > 0;
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")));
    }
}

package dev.autodev.agents;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Parsed run output. Inserted in batches, because a busy agent prints many lines a second. */
@Repository
public class EventRepository {

    private static final String INSERT = """
            INSERT OR IGNORE INTO agent_events (run_id, seq, type, text, data_json, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String PAGE = """
            SELECT run_id, seq, type, text, data_json, created_at FROM agent_events
            WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?""";
    private static final String LAST = """
            SELECT run_id, seq, type, text, data_json, created_at FROM agent_events
            WHERE run_id = ? ORDER BY seq DESC LIMIT ?""";
    private static final String COUNT = "SELECT count(*) FROM agent_events WHERE run_id = ?";

    private final Db db;
    private final JdbcTemplate writer;
    private final JsonMapper json;

    EventRepository(Db db, JdbcTemplate writer, JsonMapper json) {
        this.db = db;
        this.writer = writer;
        this.json = json;
    }

    void insertAll(List<AgentEvent> events) {
        if (events.isEmpty()) return;
        writer.batchUpdate(INSERT, events, events.size(), (ps, e) -> {
            ps.setString(1, e.runId());
            ps.setLong(2, e.seq());
            ps.setString(3, e.type());
            ps.setString(4, e.text());
            ps.setString(5, e.data() == null ? null : json.writeValueAsString(e.data()));
            ps.setLong(6, e.createdAt().toEpochMilli());
        });
    }

    /** Events after {@code afterSeq}, oldest first. */
    public List<AgentEvent> page(String runId, long afterSeq, int limit) {
        return db.read().sql(PAGE).params(runId, afterSeq, limit).query(this::map).list();
    }

    /** The run's last {@code limit} events, oldest first. */
    public List<AgentEvent> last(String runId, int limit) {
        List<AgentEvent> newestFirst = db.read().sql(LAST).params(runId, limit).query(this::map).list();
        return newestFirst.reversed();
    }

    public long count(String runId) {
        return db.read().sql(COUNT).param(runId).query(Long.class).single();
    }

    private AgentEvent map(ResultSet rs, int row) throws SQLException {
        String data = rs.getString("data_json");
        return new AgentEvent(rs.getString("run_id"), rs.getLong("seq"), rs.getString("type"), rs.getString("text"),
                data == null ? null : json.readTree(data), instant(rs.getLong("created_at")));
    }
}

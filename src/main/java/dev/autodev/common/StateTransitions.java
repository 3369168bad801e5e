package dev.autodev.common;

import java.time.Clock;
import org.springframework.stereotype.Repository;

/** Records every lifecycle move, so the history of a job or run can be read back when something looks wrong. */
@Repository
public class StateTransitions {

    private static final String INSERT = """
            INSERT INTO state_transitions (entity_type, entity_id, from_state, to_state, reason, at)
            VALUES (:type, :id, :from, :to, :reason, :at)
            """;

    private final Db db;
    private final Clock clock;

    public StateTransitions(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String entityType, String entityId, Lifecycle<?> from, Lifecycle<?> to, String reason) {
        db.write().sql(INSERT)
                .param("type", entityType)
                .param("id", entityId)
                .param("from", from == null ? null : from.wireName())
                .param("to", to.wireName())
                .param("reason", reason)
                .param("at", clock.millis())
                .update();
    }
}

package dev.autodev.agents;

import dev.autodev.common.Db;
import dev.autodev.common.Ids;
import org.springframework.stereotype.Repository;

/** Every small-model question, with its cost: the system's own spend, reported apart from jobs'. */
@Repository
class SmallModelCalls {

    private static final String INSERT = """
            INSERT INTO small_model_calls (id, purpose, subject_id, model, ok, error, cost_usd, input_tokens,
            output_tokens, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Db db;

    SmallModelCalls(Db db) {
        this.db = db;
    }

    void record(String purpose, String subjectId, String model, SmallModelAnswer answer, long inputTokens,
                long outputTokens, long durationMillis, long nowMillis) {
        db.write().sql(INSERT).params(Ids.newId(), purpose, subjectId, model, answer.ok() ? 1 : 0, answer.error(),
                answer.costUsd(), inputTokens, outputTokens, durationMillis, nowMillis).update();
    }
}

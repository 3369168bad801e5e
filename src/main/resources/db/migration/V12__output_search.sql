-- Full-text search over every run's output. The index is an FTS5 table that keeps its own copy of the searchable
-- text (agent_events is WITHOUT ROWID, so an external-content table has no rowid to point at, and snippet() needs
-- the text). A trigger fills it in the same transaction as the events, so the index cannot drift from the output,
-- not even after a crash mid-write: both are committed together or not at all. INSERT OR IGNORE of an event that
-- is already stored inserts nothing and so fires nothing.
--
-- Columns: text is what the event says (assistant text, tool name, tool output, error); detail is a tool call's
-- input (the command, the file, the query), indexed only for tool_use. The rest are stored, not indexed, so a
-- search can filter on them without a join. agent_events is append-only; whatever deletes output one day must
-- delete its rows here too (DELETE FROM output_search WHERE run_id = ...).
CREATE VIRTUAL TABLE output_search USING fts5(
    text,
    detail,
    run_id     UNINDEXED,
    seq        UNINDEXED,
    job_id     UNINDEXED,
    type       UNINDEXED,
    created_at UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Ranking: bm25, with a match in what the agent said worth twice a match in a tool's input.
INSERT INTO output_search (output_search, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

CREATE TRIGGER agent_events_to_search AFTER INSERT ON agent_events
WHEN coalesce(new.text, '') <> '' OR new.type = 'tool_use'
BEGIN
    INSERT INTO output_search (text, detail, run_id, seq, job_id, type, created_at)
    VALUES (new.text, CASE WHEN new.type = 'tool_use' THEN new.data_json END, new.run_id, new.seq,
            (SELECT job_id FROM agent_runs WHERE id = new.run_id), new.type, new.created_at);
END;

-- Output stored before this migration.
INSERT INTO output_search (text, detail, run_id, seq, job_id, type, created_at)
SELECT e.text, CASE WHEN e.type = 'tool_use' THEN e.data_json END, e.run_id, e.seq, r.job_id, e.type, e.created_at
FROM agent_events e JOIN agent_runs r ON r.id = e.run_id
WHERE coalesce(e.text, '') <> '' OR e.type = 'tool_use';

-- The timeline's question: which runs overlap a window of time, i.e. ended after its start (or have not ended).
CREATE INDEX agent_runs_finished ON agent_runs (finished_at);
-- The graph's question: which jobs were created since a time.
CREATE INDEX jobs_created ON jobs (created_at);

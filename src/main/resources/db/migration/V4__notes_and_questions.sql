-- Notes: a scratchpad agents share. Keys are namespaced with slashes (results/step1); the last write wins.
CREATE TABLE notes (
    key               TEXT PRIMARY KEY,
    value             TEXT    NOT NULL,
    written_by_run_id TEXT REFERENCES agent_runs (id),
    updated_at        INTEGER NOT NULL
);

-- Questions an agent asks a person; the agent's run waits (waiting_user) until one is answered or given up on.
CREATE TABLE questions (
    id          TEXT PRIMARY KEY,
    run_id      TEXT    NOT NULL REFERENCES agent_runs (id),
    job_id      TEXT    NOT NULL REFERENCES jobs (id),
    question    TEXT    NOT NULL,
    answer      TEXT,
    status      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    answered_at INTEGER
);

-- The dashboard's question: what is pending, oldest first. And a run's end: which of its questions are open.
CREATE INDEX questions_status ON questions (status, created_at);
CREATE INDEX questions_run ON questions (run_id, status);

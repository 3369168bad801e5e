-- Jobs are the units of work people queue; runs are the agent processes that work on them.
-- Times are epoch milliseconds (UTC) so ordering and arithmetic stay plain integer SQL.

CREATE TABLE jobs (
    id                      TEXT PRIMARY KEY,
    title                   TEXT    NOT NULL,
    description             TEXT    NOT NULL,
    status                  TEXT    NOT NULL,
    status_reason           TEXT,
    priority                INTEGER NOT NULL DEFAULT 0,
    model                   TEXT    NOT NULL,
    work_dir                TEXT    NOT NULL,
    max_turns               INTEGER,
    stop_mode               TEXT    NOT NULL DEFAULT 'turns',
    stop_value              REAL,
    context_json            TEXT    NOT NULL DEFAULT '{}',
    scheduled_at            INTEGER,
    repeat_interval_seconds INTEGER,
    parent_job_id           TEXT REFERENCES jobs (id),
    retry_of_job_id         TEXT REFERENCES jobs (id),
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
);

-- The dispatcher's question: which queued jobs are due, best first.
CREATE INDEX jobs_dispatch ON jobs (status, priority DESC, created_at);

CREATE TABLE job_dependencies (
    job_id        TEXT NOT NULL REFERENCES jobs (id),
    depends_on_id TEXT NOT NULL REFERENCES jobs (id),
    PRIMARY KEY (job_id, depends_on_id)
);

CREATE INDEX job_dependencies_reverse ON job_dependencies (depends_on_id);

CREATE TABLE agent_runs (
    id                TEXT PRIMARY KEY,
    job_id            TEXT    NOT NULL REFERENCES jobs (id),
    status            TEXT    NOT NULL,
    agent_kind        TEXT    NOT NULL,
    model             TEXT    NOT NULL,
    pid               INTEGER,
    session_id        TEXT,
    resumed_from_id   TEXT REFERENCES agent_runs (id),
    prompt            TEXT    NOT NULL,
    status_message    TEXT,
    started_at        INTEGER NOT NULL,
    process_started_at INTEGER,
    finished_at       INTEGER,
    last_output_at    INTEGER,
    num_turns         INTEGER NOT NULL DEFAULT 0,
    cost_usd          REAL    NOT NULL DEFAULT 0,
    input_tokens      INTEGER NOT NULL DEFAULT 0,
    output_tokens     INTEGER NOT NULL DEFAULT 0,
    result_text       TEXT,
    error_message     TEXT,
    exit_code         INTEGER
);

CREATE INDEX agent_runs_job ON agent_runs (job_id, started_at);
CREATE INDEX agent_runs_status ON agent_runs (status);

-- Parsed output of a run, in the order the agent printed it. The raw NDJSON file stays the source of truth.
CREATE TABLE agent_events (
    run_id     TEXT    NOT NULL REFERENCES agent_runs (id),
    seq        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    text       TEXT,
    data_json  TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

-- Every lifecycle change of a job or run, so a person can tell how something got where it is.
CREATE TABLE state_transitions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    reason      TEXT,
    at          INTEGER NOT NULL
);

CREATE INDEX state_transitions_entity ON state_transitions (entity_type, entity_id, id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

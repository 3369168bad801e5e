-- Exclusive locks agents take before editing files. The registry keeps them in memory for waiting and writes them
-- here so the REST API and a restarted server see them. A directory lock (checkout::<dir>) covers every file below.
-- Paths are absolute and normalised; times are epoch milliseconds.
CREATE TABLE file_locks (
    id           TEXT PRIMARY KEY,
    path         TEXT    NOT NULL,
    is_directory INTEGER NOT NULL DEFAULT 0,
    run_id       TEXT    NOT NULL REFERENCES agent_runs (id),
    job_id       TEXT    NOT NULL REFERENCES jobs (id),
    reason       TEXT,
    acquired_at  INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);

-- One run holds a path at most once; re-acquiring refreshes the row.
CREATE UNIQUE INDEX file_locks_run_path ON file_locks (run_id, path, is_directory);
CREATE INDEX file_locks_path ON file_locks (path);

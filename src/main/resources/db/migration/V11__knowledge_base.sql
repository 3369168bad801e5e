-- Agents that learn: the knowledge base, the learnings agents report, small-model calls, and model auto-choice.

-- One learning kept for later jobs. project is the scope key (the job's repository until jobs have projects).
CREATE TABLE kb_entries (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    content        TEXT NOT NULL,
    -- Lower-case tags separated by single spaces, so FTS5 indexes them and a tag filter is a LIKE on ' tag '.
    tags           TEXT NOT NULL DEFAULT '',
    scope          TEXT NOT NULL CHECK (scope IN ('project', 'global')),
    project        TEXT,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved')),
    source_run_id  TEXT,
    source_job_id  TEXT,
    source_model   TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    injected_count INTEGER NOT NULL DEFAULT 0,
    found_count    INTEGER NOT NULL DEFAULT 0,
    CHECK (scope = 'global' OR project IS NOT NULL)
);
CREATE INDEX kb_entries_project ON kb_entries (scope, project);
CREATE INDEX kb_entries_updated ON kb_entries (updated_at);

-- Full-text index over the entries (external content: the text lives once, in kb_entries). No stemmer: memory
-- selection looks words up in kb_fts_terms by their plain form to pick a task's rarest, most telling words.
CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, content, tags,
    content = 'kb_entries', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 0'
);
-- How many entries hold each word (one row per term).
CREATE VIRTUAL TABLE kb_fts_terms USING fts5vocab(kb_fts, 'row');
CREATE TRIGGER kb_entries_ai AFTER INSERT ON kb_entries BEGIN
    INSERT INTO kb_fts (rowid, title, content, tags) VALUES (new.rowid, new.title, new.content, new.tags);
END;
CREATE TRIGGER kb_entries_ad AFTER DELETE ON kb_entries BEGIN
    INSERT INTO kb_fts (kb_fts, rowid, title, content, tags) VALUES ('delete', old.rowid, old.title, old.content, old.tags);
END;
CREATE TRIGGER kb_entries_au AFTER UPDATE OF title, content, tags ON kb_entries BEGIN
    INSERT INTO kb_fts (kb_fts, rowid, title, content, tags) VALUES ('delete', old.rowid, old.title, old.content, old.tags);
    INSERT INTO kb_fts (rowid, title, content, tags) VALUES (new.rowid, new.title, new.content, new.tags);
END;

-- What an agent reported with report_learnings, and what triage decided about it.
CREATE TABLE kb_learnings (
    id          TEXT PRIMARY KEY,
    run_id      TEXT NOT NULL,
    job_id      TEXT NOT NULL,
    model       TEXT,
    project     TEXT NOT NULL,
    title       TEXT NOT NULL,
    content     TEXT NOT NULL,
    tags        TEXT NOT NULL DEFAULT '',
    scope_hint  TEXT NOT NULL CHECK (scope_hint IN ('project', 'global')),
    -- reported -> triaging -> kept | discarded | duplicate
    status      TEXT NOT NULL,
    reason      TEXT,
    entry_id    TEXT,
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
CREATE INDEX kb_learnings_job ON kb_learnings (job_id, status);

-- Questions put to the small model on the system's own account (triage, classification, consolidation).
CREATE TABLE small_model_calls (
    id            TEXT PRIMARY KEY,
    purpose       TEXT NOT NULL,
    subject_id    TEXT,
    model         TEXT NOT NULL,
    ok            INTEGER NOT NULL,
    error         TEXT,
    cost_usd      REAL NOT NULL DEFAULT 0,
    input_tokens  INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    duration_ms   INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX small_model_calls_created ON small_model_calls (created_at);

-- How a job's model was chosen: explicit (given), pending (the classifier is still deciding), classified, default.
ALTER TABLE jobs ADD COLUMN model_source TEXT NOT NULL DEFAULT 'explicit';
ALTER TABLE jobs ADD COLUMN model_rating TEXT;
ALTER TABLE jobs ADD COLUMN model_reason TEXT;
CREATE INDEX jobs_model_pending ON jobs (model_source) WHERE model_source = 'pending';

-- Organising the work: reusable prompt templates, projects that group jobs, batch lists, and per-job flag/archive.

CREATE TABLE templates (
    id               TEXT PRIMARY KEY,
    name             TEXT    NOT NULL,
    content          TEXT    NOT NULL,
    default_model    TEXT,
    default_work_dir TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
-- Names are what people pick a template by, so two may not differ only in case.
CREATE UNIQUE INDEX templates_name ON templates (name COLLATE NOCASE);

CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX projects_name ON projects (name COLLATE NOCASE);

CREATE TABLE batch_templates (
    id         TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    items_json TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX batch_templates_name ON batch_templates (name COLLATE NOCASE);

-- Deleting a template or a project keeps its jobs: the reference is cleared, the job's history stays.
ALTER TABLE jobs ADD COLUMN template_id TEXT REFERENCES templates (id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN project_id TEXT REFERENCES projects (id) ON DELETE SET NULL;
-- The template's content as it was when the job was created: the job's prompt does not change under it.
ALTER TABLE jobs ADD COLUMN guidelines TEXT;
ALTER TABLE jobs ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN archived_at INTEGER;

CREATE INDEX jobs_template ON jobs (template_id) WHERE template_id IS NOT NULL;
CREATE INDEX jobs_project ON jobs (project_id, created_at DESC) WHERE project_id IS NOT NULL;
-- The board reads the newest jobs that are not archived; the archive view the newest that are.
CREATE INDEX jobs_board ON jobs (created_at DESC, id DESC) WHERE archived_at IS NULL;
CREATE INDEX jobs_archive ON jobs (created_at DESC, id DESC) WHERE archived_at IS NOT NULL;

-- Template stats read every finished run of a template's jobs: this index answers them without touching the rows.
CREATE INDEX agent_runs_stats ON agent_runs (job_id, status, model, num_turns, cost_usd, started_at, finished_at);

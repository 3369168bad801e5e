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

-- How the runs of each template went, per model: sums over its jobs' finished runs (status done or failed, with a
-- finished_at), kept by the triggers below as runs are written, so reading a template's stats reads a row per model
-- however many runs there are. Every figure is a count or a sum, so a change is undone exactly by subtracting it.
CREATE TABLE template_run_stats (
    template_id  TEXT    NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    runs         INTEGER NOT NULL,
    succeeded    INTEGER NOT NULL,
    cost_sum     REAL    NOT NULL,
    turns_sum    INTEGER NOT NULL,
    duration_sum INTEGER NOT NULL,
    PRIMARY KEY (template_id, model)
) WITHOUT ROWID;

-- A run counts once it has finished as done or failed; cancelled runs say nothing about the template.
CREATE TRIGGER template_run_stats_insert AFTER INSERT ON agent_runs
WHEN NEW.finished_at IS NOT NULL AND NEW.status IN ('done', 'failed')
BEGIN
    INSERT INTO template_run_stats (template_id, model, runs, succeeded, cost_sum, turns_sum, duration_sum)
    SELECT j.template_id, NEW.model, 1, NEW.status = 'done', NEW.cost_usd, NEW.num_turns, NEW.finished_at - NEW.started_at
    FROM jobs j WHERE j.id = NEW.job_id AND j.template_id IS NOT NULL
    ON CONFLICT (template_id, model) DO UPDATE SET runs = runs + 1, succeeded = succeeded + excluded.succeeded,
        cost_sum = cost_sum + excluded.cost_sum, turns_sum = turns_sum + excluded.turns_sum,
        duration_sum = duration_sum + excluded.duration_sum;
END;

-- Any change to a counted run (it finishing, a late cost update) takes its old figures out and puts its new ones in.
-- While a run is active neither side counts and the trigger does nothing, so streaming progress costs nothing here.
CREATE TRIGGER template_run_stats_update
AFTER UPDATE OF status, finished_at, started_at, cost_usd, num_turns, model ON agent_runs
WHEN (OLD.finished_at IS NOT NULL AND OLD.status IN ('done', 'failed'))
  OR (NEW.finished_at IS NOT NULL AND NEW.status IN ('done', 'failed'))
BEGIN
    UPDATE template_run_stats SET runs = runs - 1, succeeded = succeeded - (OLD.status = 'done'),
        cost_sum = cost_sum - OLD.cost_usd, turns_sum = turns_sum - OLD.num_turns,
        duration_sum = duration_sum - (OLD.finished_at - OLD.started_at)
    WHERE OLD.finished_at IS NOT NULL AND OLD.status IN ('done', 'failed') AND model = OLD.model
      AND template_id = (SELECT template_id FROM jobs WHERE id = OLD.job_id);
    INSERT INTO template_run_stats (template_id, model, runs, succeeded, cost_sum, turns_sum, duration_sum)
    SELECT j.template_id, NEW.model, 1, NEW.status = 'done', NEW.cost_usd, NEW.num_turns, NEW.finished_at - NEW.started_at
    FROM jobs j
    WHERE j.id = NEW.job_id AND j.template_id IS NOT NULL AND NEW.finished_at IS NOT NULL
      AND NEW.status IN ('done', 'failed')
    ON CONFLICT (template_id, model) DO UPDATE SET runs = runs + 1, succeeded = succeeded + excluded.succeeded,
        cost_sum = cost_sum + excluded.cost_sum, turns_sum = turns_sum + excluded.turns_sum,
        duration_sum = duration_sum + excluded.duration_sum;
END;

CREATE TRIGGER template_run_stats_delete AFTER DELETE ON agent_runs
WHEN OLD.finished_at IS NOT NULL AND OLD.status IN ('done', 'failed')
BEGIN
    UPDATE template_run_stats SET runs = runs - 1, succeeded = succeeded - (OLD.status = 'done'),
        cost_sum = cost_sum - OLD.cost_usd, turns_sum = turns_sum - OLD.num_turns,
        duration_sum = duration_sum - (OLD.finished_at - OLD.started_at)
    WHERE model = OLD.model AND template_id = (SELECT template_id FROM jobs WHERE id = OLD.job_id);
END;

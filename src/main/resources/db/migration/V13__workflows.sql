-- Autonomous agent runs: a workflow alternates an implementer and a reviewer over cycles on one branch.

-- A neutral owner reference, so an engine above the queue (a workflow) can find its jobs without jobs knowing it.
ALTER TABLE jobs ADD COLUMN owner_kind TEXT;
ALTER TABLE jobs ADD COLUMN owner_id TEXT;
CREATE INDEX jobs_owner ON jobs (owner_kind, owner_id);

CREATE TABLE workflows (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    task              TEXT NOT NULL,
    status            TEXT NOT NULL,
    phase             TEXT,
    cycle             INTEGER NOT NULL DEFAULT 0,
    work_dir          TEXT NOT NULL,
    implementer_model TEXT NOT NULL,
    reviewer_model    TEXT NOT NULL,
    max_cycles        INTEGER NOT NULL,
    use_worktree      INTEGER NOT NULL,
    template_id       TEXT,
    project_id        TEXT,
    stop_modes_json   TEXT NOT NULL DEFAULT '{}',
    -- Spending the user allowed so far (null: no limit); approving more raises it.
    budget_usd        REAL,
    approve_plan      INTEGER NOT NULL DEFAULT 0,
    plan_approved     INTEGER NOT NULL DEFAULT 0,
    repo_root         TEXT,
    worktree_path     TEXT,
    branch            TEXT,
    base_commit       TEXT,
    pr_url            TEXT,
    blocked_json      TEXT,
    -- Steps up to this sequence number came before the last resume: counters (repairs, no progress) start after it.
    resume_after_seq  INTEGER NOT NULL DEFAULT 0,
    resume_phase      TEXT,
    resume_cycle      INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX workflows_status ON workflows (status, created_at);

-- Every side effect of a workflow, recorded before it runs: a phase or repair job, or the final push and pull request.
CREATE TABLE workflow_steps (
    workflow_id       TEXT NOT NULL REFERENCES workflows (id),
    seq               INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    phase             TEXT NOT NULL,
    cycle             INTEGER NOT NULL,
    model             TEXT,
    job_id            TEXT REFERENCES jobs (id),
    status            TEXT NOT NULL,
    failure_kind      TEXT,
    message           TEXT,
    milestones_before INTEGER,
    milestones_after  INTEGER,
    created_at        INTEGER NOT NULL,
    finished_at       INTEGER,
    PRIMARY KEY (workflow_id, seq)
);
CREATE UNIQUE INDEX workflow_steps_job ON workflow_steps (job_id);

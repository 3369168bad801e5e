-- Runs people can trust: jobs may run in their own git worktree, be checked before they count as done, and retry.
ALTER TABLE jobs ADD COLUMN use_worktree INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN completion_checks_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE jobs ADD COLUMN retry_policy TEXT NOT NULL DEFAULT 'none';
ALTER TABLE jobs ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0;
-- 1 for a job as created; a retry counts on from the job it retries.
ALTER TABLE jobs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;

-- The directory a run's process worked in (a worktree, or the job's work dir) and the commit it started from.
ALTER TABLE agent_runs ADD COLUMN work_dir TEXT;
ALTER TABLE agent_runs ADD COLUMN base_commit TEXT;

-- One git worktree per job that asked for one; the branch outlives the worktree.
CREATE TABLE worktrees (
    job_id      TEXT PRIMARY KEY REFERENCES jobs (id),
    repo_root   TEXT NOT NULL,
    path        TEXT NOT NULL,
    branch      TEXT NOT NULL,
    base_commit TEXT NOT NULL,
    pr_url      TEXT,
    push_error  TEXT,
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER
);
CREATE INDEX worktrees_repo_root ON worktrees (repo_root);

-- A diagnosis job run for a failed job (retry policy analyze); the retry is queued once the diagnosis ends.
CREATE TABLE job_diagnoses (
    diagnosis_job_id TEXT PRIMARY KEY REFERENCES jobs (id),
    failed_job_id    TEXT NOT NULL REFERENCES jobs (id),
    retry_job_id     TEXT REFERENCES jobs (id)
);

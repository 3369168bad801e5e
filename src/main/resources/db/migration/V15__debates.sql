-- Debates: two models from different vendors argue a task in rounds until they agree or run out of rounds, then
-- optionally act on the conclusion. Jobs know nothing of debates; debate_jobs maps each job to its place here.

CREATE TABLE debates (
    id                 TEXT PRIMARY KEY,
    task               TEXT    NOT NULL,
    claude_model       TEXT    NOT NULL,
    codex_model        TEXT    NOT NULL,
    max_rounds         INTEGER NOT NULL,
    template_id        TEXT,
    work_dir           TEXT    NOT NULL,
    post_action_prompt TEXT,
    post_action_role   TEXT    NOT NULL,
    verification       INTEGER NOT NULL,
    loop_count         INTEGER NOT NULL,
    project_id         TEXT,
    status             TEXT    NOT NULL,
    status_reason      TEXT,
    conclusion         TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE INDEX debates_status ON debates (status, created_at);

-- One row per job a debate started. stage: turn (a side's answer in a round), post_action, review, refine.
-- round is 0 for the stages after the rounds. verdict/position are what the side gave through submit_verdict;
-- asked_again_run_id is the run that ended without a verdict and was continued once to ask for it.
CREATE TABLE debate_jobs (
    debate_id          TEXT    NOT NULL REFERENCES debates (id),
    loop               INTEGER NOT NULL,
    stage              TEXT    NOT NULL,
    round              INTEGER NOT NULL,
    side               TEXT    NOT NULL,
    job_id             TEXT    NOT NULL UNIQUE REFERENCES jobs (id),
    verdict            TEXT,
    position           TEXT,
    asked_again_run_id TEXT,
    created_at         INTEGER NOT NULL,
    PRIMARY KEY (debate_id, loop, stage, round, side)
);

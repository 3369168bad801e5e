-- A debate may act in a worktree of its own: its post-action, review and refinements share one worktree on one
-- branch, which is pushed with a pull request when the acting ends done. The place is stored before git creates it,
-- so a restart finds it instead of making a second one. worktree_state: none, open, published, removed.

ALTER TABLE debates ADD COLUMN use_worktree   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE debates ADD COLUMN repo_root      TEXT;
ALTER TABLE debates ADD COLUMN worktree_path  TEXT;
ALTER TABLE debates ADD COLUMN branch         TEXT;
ALTER TABLE debates ADD COLUMN base_commit    TEXT;
ALTER TABLE debates ADD COLUMN pr_url         TEXT;
ALTER TABLE debates ADD COLUMN worktree_state TEXT NOT NULL DEFAULT 'none';

-- Finished debates whose worktree is still to be removed are visited by the engine too.
CREATE INDEX debates_worktree_state ON debates (worktree_state);

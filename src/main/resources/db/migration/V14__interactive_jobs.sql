-- Interactive jobs run the agent CLI's own terminal UI in a tmux session instead of its batch mode. Their runs may
-- also be 'idle' (waiting at the prompt for a person); run statuses are plain text, so that needs no schema change.
ALTER TABLE jobs ADD COLUMN interactive INTEGER NOT NULL DEFAULT 0;

-- The provider retry a live run's CLI is waiting on (status, error, attempt of max, delay, when it was read), so the
-- dashboard and a restarted server see it. All null when none is pending; cleared when the model answers or the run ends.
ALTER TABLE agent_runs ADD COLUMN retry_status INTEGER;
ALTER TABLE agent_runs ADD COLUMN retry_error TEXT;
ALTER TABLE agent_runs ADD COLUMN retry_attempt INTEGER;
ALTER TABLE agent_runs ADD COLUMN retry_max_attempts INTEGER;
ALTER TABLE agent_runs ADD COLUMN retry_delay_ms INTEGER;
ALTER TABLE agent_runs ADD COLUMN retry_at INTEGER;

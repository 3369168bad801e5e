-- Codex reports tokens only; the orchestrator prices them from its own table, and says so on the run.
ALTER TABLE agent_runs ADD COLUMN cost_estimated INTEGER NOT NULL DEFAULT 0;

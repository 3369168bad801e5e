-- Each run gets its own secret for the MCP endpoint and the lock hook. Only a hash is stored, so the database
-- never holds a usable token; a token stops working as soon as its run ends.
ALTER TABLE agent_runs ADD COLUMN token_hash TEXT;
CREATE UNIQUE INDEX agent_runs_token ON agent_runs (token_hash);

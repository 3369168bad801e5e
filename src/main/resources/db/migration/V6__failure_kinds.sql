-- Why a run failed, in one word from a fixed list, so retries and people can act on the kind of failure.
ALTER TABLE agent_runs ADD COLUMN failure_kind TEXT;

-- Why a queued job has not started yet (its dependencies, the agent cap, the interactive sessions cap), as the
-- dispatcher last saw it; NULL while nothing holds it back and once it leaves the queue.
ALTER TABLE jobs ADD COLUMN queue_reason TEXT;

import { useState } from 'react';
import { api } from '../../api/client';
import type { OlderJobs } from '../../api/types';
import { useLive, useLiveDispatch } from '../../live/hooks';

interface Props {
  /** Reads the jobs after the given one, newest first; the server's by default. */
  load?: (before: string) => Promise<OlderJobs>;
}

/**
 * The end of the board while it holds fewer jobs than there are (the snapshot brings only the newest): reads the
 * next older page and adds it below.
 */
export function LoadOlderJobs({ load = (before) => api.olderJobs(before) }: Props) {
  const state = useLive();
  const dispatch = useLiveDispatch();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = state.totalJobs - state.jobOrder.length;
  const oldest = state.jobOrder[state.jobOrder.length - 1];
  if (!state.hasSnapshot || missing <= 0 || !oldest) return null;

  const loadOlder = () => {
    setLoading(true);
    setError(null);
    load(oldest)
      .then((page) => dispatch({ type: 'olderJobs', jobs: page.jobs, runs: page.runs }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setLoading(false));
  };

  return (
    <div className="load-older">
      <button type="button" className="chip" data-testid="jobs-load-older" disabled={loading} onClick={loadOlder}>
        {loading ? 'Loading…' : `Load older jobs (${missing} more)`}
      </button>
      {error && (
        <span className="field-error" data-testid="jobs-load-older-error">
          {error}
        </span>
      )}
    </div>
  );
}

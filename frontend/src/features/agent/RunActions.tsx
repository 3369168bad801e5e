import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { AgentRun } from '../../api/types';

const ACTIVE = new Set(['starting', 'running', 'waiting_user', 'idle']);

/**
 * Continue with a message, retry as a fresh job, requeue, or cancel; each offered when the run's state allows. An
 * idle interactive run takes Continue too: the message is typed into its session.
 */
export function RunActions({ run, jobActive, interactive = false, onRetried }: {
  run: AgentRun;
  jobActive: boolean;
  interactive?: boolean;
  onRetried: (jobId: string) => void;
}) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = ACTIVE.has(run.status);
  const typesIntoSession = interactive && run.status === 'idle';

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="actions" data-testid="run-actions">
      <div className="continue">
        <textarea
          data-testid="action-continue-message"
          rows={2}
          placeholder={typesIntoSession ? 'Typed into the session' : active ? 'The run is still active' : 'Follow-up message for this conversation'}
          value={message}
          disabled={active && !typesIntoSession}
          onChange={(e) => setMessage(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          data-testid="action-continue"
          disabled={busy || ((active || jobActive) && !typesIntoSession) || !message.trim()}
          onClick={() => act(async () => {
            await api.continueRun(run.id, message);
            setMessage('');
          })}
        >
          Continue
        </button>
      </div>
      <div className="action-row">
        <button
          type="button"
          data-testid="action-retry"
          disabled={busy}
          onClick={() => act(async () => onRetried((await api.retryRun(run.id)).id))}
        >
          Retry
        </button>
        <button type="button" data-testid="action-requeue" disabled={busy} onClick={() => act(() => api.requeueRun(run.id))}>
          Requeue
        </button>
        <button
          type="button"
          className="danger"
          data-testid="action-cancel"
          disabled={busy || !active}
          onClick={() => act(() => api.cancelRun(run.id))}
        >
          Cancel
        </button>
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="action-error">
          {error}
        </div>
      )}
    </div>
  );
}

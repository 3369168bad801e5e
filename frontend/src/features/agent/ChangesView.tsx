import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Changes } from '../../api/types';

/** The run's work dir against its HEAD commit: the diff, coloured by line, and the new files. */
export function ChangesView({ runId }: { runId: string }) {
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api
      .changes(runId)
      .then((c) => !cancelled && setChanges(c))
      .catch((e) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [runId, tick]);

  return (
    <div className="changes" data-testid="changes">
      <div className="changes-bar">
        <button type="button" className="link" onClick={() => setTick((t) => t + 1)} data-testid="changes-refresh">
          refresh
        </button>
        {changes && (
          <span className="muted">
            {changes.workDir} {changes.head ? `@ ${changes.head.slice(0, 10)}` : '(no commits yet)'}
          </span>
        )}
      </div>
      {error && <div className="muted" data-testid="changes-error">{error}</div>}
      {changes && (
        <>
          <div data-testid="changes-untracked">
            <strong>Untracked files</strong>
            {changes.untracked.length === 0 ? (
              <span className="muted"> none</span>
            ) : (
              <ul>
                {changes.untracked.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </div>
          <pre className="diff" data-testid="changes-diff">
            {changes.diff === ''
              ? 'No changes to tracked files.'
              : changes.diff.split('\n').map((line, i) => (
                  <span key={i} className={diffClass(line)}>
                    {line + '\n'}
                  </span>
                ))}
          </pre>
          {changes.truncated && <div className="muted">The diff was cut; see the work dir for the rest.</div>}
        </>
      )}
    </div>
  );
}

function diffClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ')) return 'd-file';
  if (line.startsWith('+')) return 'd-add';
  if (line.startsWith('-')) return 'd-del';
  if (line.startsWith('@@')) return 'd-hunk';
  return '';
}

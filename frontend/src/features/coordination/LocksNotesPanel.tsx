import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useLive, useNotes } from '../../live/hooks';

/** What agents hold and what they wrote down for each other. */
export function LocksNotesPanel({ onOpenJob }: { onOpenJob: (jobId: string) => void }) {
  const { locks } = useLive();
  const { notes, reload } = useNotes();
  const [error, setError] = useState<string | null>(null);
  const sortedNotes = notes ? Object.values(notes).sort((a, b) => a.key.localeCompare(b.key)) : [];

  return (
    <section className="side" data-testid="locks-panel">
      <h2>File locks ({locks.length})</h2>
      {error && <div className="field-error">{error}</div>}
      {locks.length === 0 ? (
        <div className="muted">No locks held.</div>
      ) : (
        <table className="table">
          <tbody>
            {locks.map((lock) => (
              <tr key={lock.id} data-testid="lock-row" data-lock-id={lock.id}>
                <td className="mono">{lock.directory ? `checkout::${lock.path}` : lock.path}</td>
                <td>
                  <button type="button" className="link" onClick={() => onOpenJob(lock.jobId)}>
                    {lock.jobId.slice(0, 8)}
                  </button>
                </td>
                <td>{lock.reason}</td>
                <td className="muted">until {lock.expiresAt.slice(11, 19)}</td>
                <td>
                  <button
                    type="button"
                    className="link danger"
                    data-testid="lock-release"
                    onClick={() =>
                      api.releaseLock(lock.id).catch((e) => setError(e instanceof ApiError ? e.message : String(e)))
                    }
                  >
                    release
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>
        Notes ({sortedNotes.length}){' '}
        <button type="button" className="link" onClick={reload}>
          reload
        </button>
      </h2>
      {sortedNotes.length === 0 ? (
        <div className="muted">No notes.</div>
      ) : (
        <table className="table">
          <tbody>
            {sortedNotes.map((note) => (
              <tr key={note.key} data-testid="note-row" data-note-key={note.key}>
                <td className="mono">{note.key}</td>
                <td className="pre note-value">{note.value}</td>
                <td className="muted">{note.updatedAt.slice(11, 19)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

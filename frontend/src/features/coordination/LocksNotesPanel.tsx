import { useState } from 'react';
import { api } from '../../api/client';
import type { FileLock, Note } from '../../api/types';
import { useLive, useNotes } from '../../live/hooks';
import { Button, DataTable, ErrorState, Link, Panel, type Column } from '../common';

/** What agents hold and what they wrote down for each other. */
export function LocksNotesPanel({ onOpenJob }: { onOpenJob?: (jobId: string) => void }) {
  const { locks } = useLive();
  const { notes, reload } = useNotes();
  const [error, setError] = useState<unknown>(null);
  const sortedNotes = notes ? Object.values(notes).sort((a, b) => a.key.localeCompare(b.key)) : [];

  const lockColumns: Column<FileLock>[] = [
    { key: 'path', header: 'Path', className: 'mono', render: (l) => (l.directory ? `checkout::${l.path}` : l.path) },
    {
      key: 'job',
      header: 'Job',
      render: (l) => (
        <Link
          to={`/jobs/${encodeURIComponent(l.jobId)}`}
          onClick={(e) => {
            if (onOpenJob) {
              e.preventDefault();
              onOpenJob(l.jobId);
            }
          }}
        >
          {l.jobId.slice(0, 8)}
        </Link>
      ),
    },
    { key: 'reason', header: 'Reason', render: (l) => l.reason },
    { key: 'until', header: 'Until', className: 'muted', render: (l) => l.expiresAt.slice(11, 19) },
    {
      key: 'release',
      header: '',
      render: (l) => (
        <Button variant="link" className="danger" data-testid="lock-release" onClick={() => api.releaseLock(l.id).catch(setError)}>
          release
        </Button>
      ),
    },
  ];
  const noteColumns: Column<Note>[] = [
    { key: 'key', header: 'Key', className: 'mono', render: (n) => n.key },
    { key: 'value', header: 'Value', className: 'pre note-value', render: (n) => n.value },
    { key: 'updated', header: 'Updated', className: 'muted', render: (n) => n.updatedAt.slice(11, 19) },
  ];

  return (
    <Panel title="Locks & notes" data-testid="locks-panel">
      <h2>File locks ({locks.length})</h2>
      {error != null && <ErrorState error={error} />}
      <DataTable
        columns={lockColumns}
        rows={locks}
        rowKey={(l) => l.id}
        rowProps={(l) => ({ 'data-testid': 'lock-row', 'data-lock-id': l.id })}
        empty="No locks held."
      />
      <h2>
        Notes ({sortedNotes.length}){' '}
        <Button variant="link" onClick={reload}>
          reload
        </Button>
      </h2>
      <DataTable
        columns={noteColumns}
        rows={sortedNotes}
        rowKey={(n) => n.key}
        rowProps={(n) => ({ 'data-testid': 'note-row', 'data-note-key': n.key })}
        empty="No notes."
      />
    </Panel>
  );
}

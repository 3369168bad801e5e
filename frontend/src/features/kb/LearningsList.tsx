import type { Learning } from '../../api/types';
import { DataTable, ErrorState, Link, StatusBadge, useApi, type Column } from '../common';

const TONES = { kept: 'success', discarded: 'neutral', duplicate: 'info', reported: 'warning', triaging: 'running' } as const;

const COLUMNS: Column<Learning>[] = [
  { key: 'status', header: 'Triage', render: (l) => <StatusBadge status={l.status} tones={TONES} /> },
  { key: 'title', header: 'Learning', render: (l) => <span title={l.content}>{l.title}</span> },
  { key: 'reason', header: 'Why', className: 'muted', render: (l) => l.reason ?? '' },
  {
    key: 'job',
    header: 'Job',
    render: (l) => <Link to={`/jobs/${encodeURIComponent(l.jobId)}`}>{l.jobId.slice(0, 8)}</Link>,
  },
];

/** The newest learnings agents reported and what triage made of them (kept, discarded, duplicate, and why). */
export function LearningsList({ load }: { load: () => Promise<Learning[]> }) {
  const { data, error, reload } = useApi(load, []);
  return (
    <details className="kb-learnings" data-testid="kb-learnings">
      <summary>Reported learnings and triage</summary>
      {error != null && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <DataTable
          columns={COLUMNS}
          rows={data}
          rowKey={(l) => l.id}
          rowProps={(l) => ({ 'data-testid': 'kb-learning', 'data-status': l.status })}
          empty="No learnings reported yet."
        />
      )}
    </details>
  );
}

import { useState } from 'react';
import { useLiveReload, useTouched } from '../../live/hooks';
import {
  Button,
  DataTable,
  ErrorState,
  Link,
  Loading,
  navigate,
  Panel,
  ProgressBar,
  Select,
  StatusBadge,
  Toolbar,
  useApi,
  formatCost,
  type Column,
} from '../common';
import { workflowsApi } from './api';
import type { Workflow, WorkflowStatus } from './types';

const STATUSES: { value: WorkflowStatus | ''; label: string }[] = [
  { value: '', label: 'All states' },
  { value: 'running', label: 'Running' },
  { value: 'waiting_approval', label: 'Waiting approval' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];

export const WORKFLOW_TONES = { waiting_approval: 'warning', blocked: 'danger' } as const;

const COLUMNS: Column<Workflow>[] = [
  {
    key: 'title',
    header: 'Run',
    render: (w) => (
      <Link to={`/workflows/${encodeURIComponent(w.id)}`} data-testid="workflow-link">
        {w.title}
      </Link>
    ),
  },
  {
    key: 'progress',
    header: 'Milestones',
    render: (w) => (
      <ProgressBar done={w.milestones.done} total={w.milestones.total} testId="workflow-progress"
        label={w.milestones.total ? `${w.milestones.done} / ${w.milestones.total}` : 'no plan yet'} />
    ),
  },
  { key: 'phase', header: 'Phase', render: (w) => (w.phase ? `${w.phase} · cycle ${w.cycle}` : '–') },
  { key: 'cost', header: 'Cost', render: (w) => formatCost(w.costUsd) },
  { key: 'status', header: 'State', render: (w) => <StatusBadge status={w.status} tones={WORKFLOW_TONES} data-testid="workflow-status" /> },
];

/** Every autonomous run with its progress, phase, cycle, cost and state; filtered by state, paged. */
export function WorkflowsList({ load = workflowsApi.list }: { load?: typeof workflowsApi.list }) {
  const [status, setStatus] = useState<WorkflowStatus | ''>('');
  const [page, setPage] = useState(0);
  const { data, error, loading, reload } = useApi(() => load(status, page, 50), [status, page, load]);
  useLiveReload(reload, useTouched('workflow:*'));

  return (
    <Panel
      title="Autonomous runs"
      data-testid="workflows-panel"
      actions={
        <Button variant="primary" data-testid="new-workflow-button" onClick={() => navigate('/workflows/new')}>
          New autonomous run
        </Button>
      }
    >
      <Toolbar>
        <Select aria-label="Filter by state" data-testid="workflow-filter" value={status} options={STATUSES}
          onChange={(v) => { setStatus(v as WorkflowStatus | ''); setPage(0); }} />
      </Toolbar>
      {error != null && <ErrorState error={error} onRetry={reload} testId="workflows-error" />}
      {!data && !error && loading && <Loading />}
      {data && (
        <DataTable
          columns={COLUMNS}
          rows={data.items}
          rowKey={(w) => w.id}
          rowProps={(w) => ({ 'data-testid': 'workflow-row', 'data-workflow-id': w.id, 'data-status': w.status })}
          empty="No autonomous runs yet."
          testId="workflows-table"
          paging={{ page, size: data.size, total: data.total, onPage: setPage }}
        />
      )}
    </Panel>
  );
}

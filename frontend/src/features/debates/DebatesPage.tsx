import { useState } from 'react';
import { useLiveReload, useTouched } from '../../live/hooks';
import { Button, DataTable, ErrorState, navigate, Panel, StatusBadge, useApi, type Column } from '../common';
import { debatesApi } from './debatesApi';
import { DEBATE_TONES } from './debateView';
import type { Debate } from './types';

const PAGE_SIZE = 50;

const COLUMNS: Column<Debate>[] = [
  { key: 'status', header: 'Status', render: (d) => <StatusBadge status={d.status} tones={DEBATE_TONES} /> },
  { key: 'task', header: 'Task', render: (d) => <span className="debate-list-task">{d.task}</span> },
  { key: 'rounds', header: 'Rounds', render: (d) => `${d.maxRounds}${d.loopCount > 1 ? ` × ${d.loopCount} loops` : ''}` },
  { key: 'created', header: 'Started', render: (d) => new Date(d.createdAt).toLocaleString() },
];

/** Every debate, newest first, and the way to start one. */
export function DebatesPage() {
  const [page, setPage] = useState(0);
  const list = useApi(() => debatesApi.list(page, PAGE_SIZE), [page]);
  useLiveReload(list.reload, useTouched('debate:*'));
  return (
    <Panel
      title="Debates"
      data-testid="debates-page"
      actions={
        <Button variant="primary" data-testid="debate-new" onClick={() => navigate('/debates/new')}>
          New debate
        </Button>
      }
    >
      <p className="muted">Claude and Codex answer a task in rounds, reading each other, until both agree or the rounds run out.</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <DataTable
          testId="debates-table"
          columns={COLUMNS}
          rows={list.data?.items ?? []}
          rowKey={(d) => d.id}
          onRowClick={(d) => navigate(`/debates/${encodeURIComponent(d.id)}`)}
          rowProps={(d) => ({ 'data-testid': `debate-row-${d.id}` })}
          empty="No debates yet."
          paging={{ page, size: PAGE_SIZE, total: list.data?.total, onPage: setPage }}
        />
      )}
    </Panel>
  );
}

import { useState } from 'react';
import { api } from '../../api/client';
import type { Job } from '../../api/types';
import { Button, DataTable, ErrorState, Loading, navigate, Panel, TextInput, Toolbar, useApi, useLocation } from '../common';

const PAGE_SIZE = 50;

/** The archive: jobs taken off the board, newest first, paged and searchable; the page and search live in the URL. */
export function ArchivePanel() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const page = Math.max(0, Number(query.get('page') ?? 0) || 0);
  const [search, setSearch] = useState(q);
  const result = useApi(() => api.findJobs({ archived: true, q: q || undefined, page, size: PAGE_SIZE }), [q, page]);
  const [error, setError] = useState<unknown>(null);

  const go = (nextQ: string, nextPage: number) => {
    const params = new URLSearchParams();
    if (nextQ.trim()) params.set('q', nextQ.trim());
    if (nextPage > 0) params.set('page', String(nextPage));
    const qs = params.toString();
    navigate(`/archive${qs ? `?${qs}` : ''}`);
  };
  const unarchive = async (job: Job) => {
    setError(null);
    try {
      await api.unarchiveJob(job.id);
      result.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Panel title="Archive" data-testid="archive-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go(search, 0);
        }}
      >
        <Toolbar>
          <TextInput className="search" placeholder="Search archived jobs" data-testid="archive-search" value={search} onChange={setSearch} />
          <Button type="submit" data-testid="archive-search-submit">
            Search
          </Button>
        </Toolbar>
      </form>
      {error != null && <ErrorState error={error} />}
      {result.error != null && <ErrorState error={result.error} onRetry={result.reload} />}
      {!result.data && !result.error && <Loading />}
      {result.data && (
        <DataTable
          testId="archive-list"
          rows={result.data.items}
          rowKey={(j) => j.id}
          rowProps={(j) => ({ 'data-testid': 'archive-row', 'data-job-id': j.id })}
          empty={q ? 'No archived job matches.' : 'Nothing archived yet.'}
          paging={{ page, size: PAGE_SIZE, total: result.data.total, onPage: (p) => go(q, p) }}
          columns={[
            { key: 'title', header: 'Job', render: (j) => <span title={j.description}>{j.title}</span> },
            { key: 'status', header: 'Status', render: (j) => j.status },
            { key: 'archived', header: 'Archived', render: (j) => (j.archivedAt ? new Date(j.archivedAt).toLocaleString() : '') },
            {
              key: 'actions',
              header: '',
              render: (j) => (
                <Button variant="link" data-testid="archive-unarchive" onClick={() => unarchive(j)}>
                  back to the board
                </Button>
              ),
            },
          ]}
        />
      )}
    </Panel>
  );
}

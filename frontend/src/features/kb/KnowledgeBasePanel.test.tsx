import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KbEntry } from '../../api/types';
import { navigate } from '../common';
import { LiveStateContext } from '../../live/LiveProvider';
import { initialState, type LiveState } from '../../live/store';
import { KnowledgeBasePanel, type KbApi } from './KnowledgeBasePanel';

function entry(over: Partial<KbEntry> = {}): KbEntry {
  return {
    id: 'e1', title: 'Build offline', content: 'Run ./mvnw -o.', tags: ['build'], scope: 'project', project: '/repo',
    status: 'approved', sourceRunId: 'run-12345678', sourceJobId: 'job-12345678', sourceModel: 'claude-sonnet-4-6',
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', injectedCount: 2, foundCount: 1, ...over,
  };
}

function fakeApi(entries: KbEntry[]): KbApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    kbEntries: vi.fn(async (filter) => {
      calls.push(`list ${JSON.stringify(filter)}`);
      return { items: entries, page: 0, size: 50, total: entries.length };
    }),
    kbSearch: vi.fn(async (q) => {
      calls.push(`search ${q}`);
      return { query: q, count: 1, results: [{ entry: entries[0], snippet: 'Run ./[[mvnw]] -o.', rank: -1 }] };
    }),
    createKbEntry: vi.fn(async (e) => entry({ id: 'new', title: e.title ?? '' })),
    updateKbEntry: vi.fn(async (id, e) => entry({ id, ...e } as Partial<KbEntry>)),
    deleteKbEntry: vi.fn(async () => undefined),
    approveKbEntry: vi.fn(async (id) => entry({ id, status: 'approved' })),
    kbSettings: vi.fn(async () => ({ requireApproval: false })),
    kbLearnings: vi.fn(async () => []),
    saveKbSettings: vi.fn(async (s) => s),
    consolidateKb: vi.fn(async () => ({ groups: 0, merged: [], skipped: [] })),
  };
}

describe('KnowledgeBasePanel', () => {
  afterEach(() => navigate('/', { replace: true }));

  it('lists entries with where they came from, and approves a pending one', async () => {
    const kb = fakeApi([entry(), entry({ id: 'e2', title: 'Pending one', status: 'pending', sourceJobId: null, sourceRunId: null })]);
    navigate('/kb');
    render(<KnowledgeBasePanel kb={kb} />);

    expect(await screen.findByText('Build offline')).toBeTruthy();
    expect(screen.getByTestId('kb-entry-job').textContent).toBe('job-1234');
    expect(screen.getByText('written by a person')).toBeTruthy();
    fireEvent.click(screen.getByTestId('kb-approve'));
    await waitFor(() => expect(kb.approveKbEntry).toHaveBeenCalledWith('e2'));
  });

  it('searches from the URL and highlights the matched words', async () => {
    const kb = fakeApi([entry()]);
    navigate('/kb?q=mvnw');
    render(<KnowledgeBasePanel kb={kb} />);

    const snippet = await screen.findByTestId('kb-snippet');
    expect(snippet.querySelector('mark')?.textContent).toBe('mvnw');
    expect(kb.calls).toContain('search mvnw');
  });

  it('lists reported learnings with what triage decided and why', async () => {
    const kb = fakeApi([]);
    kb.kbLearnings = vi.fn(async () => [
      {
        id: 'l1', runId: 'r1', jobId: 'job-abcdef12', model: 'm', project: '/repo', title: 'Use make seed', content: 'c',
        tags: [], scopeHint: 'global' as const, status: 'kept' as const, reason: 'triage failed (timed out); kept as reported',
        entryId: 'e1', createdAt: '2026-01-01T00:00:00Z', decidedAt: null,
      },
    ]);
    navigate('/kb');
    render(<KnowledgeBasePanel kb={kb} />);

    const row = await screen.findByTestId('kb-learning');
    expect(row.getAttribute('data-status')).toBe('kept');
    expect(row.textContent).toContain('triage failed (timed out); kept as reported');
  });

  it('shows the refusal of a bad entry at its field', async () => {
    const kb = fakeApi([]);
    const { ApiError } = await import('../../api/client');
    kb.createKbEntry = vi.fn(async () => {
      throw new ApiError(400, 'is required for a project entry', 'project', 'bad_request');
    });
    navigate('/kb');
    render(<KnowledgeBasePanel kb={kb} />);
    fireEvent.click(await screen.findByTestId('kb-add'));
    fireEvent.change(screen.getByTestId('kb-form-title'), { target: { value: 't' } });
    fireEvent.change(screen.getByTestId('kb-form-content'), { target: { value: 'c' } });
    fireEvent.click(screen.getByTestId('kb-form-save'));

    expect((await screen.findByTestId('kb-field-error-project')).textContent).toContain('is required');
  });

  it('shows live changes at once and reads the list again when entries come or go', async () => {
    const kb = fakeApi([entry(), entry({ id: 'e2', title: 'Soon deleted' })]);
    navigate('/kb');
    const live = (over: Partial<LiveState>): LiveState => ({ ...initialState, ...over });
    const { rerender } = render(
      <LiveStateContext.Provider value={live({})}>
        <KnowledgeBasePanel kb={kb} />
      </LiveStateContext.Provider>,
    );
    expect(await screen.findByText('Soon deleted')).toBeTruthy();
    const reads = kb.calls.length;

    rerender(
      <LiveStateContext.Provider
        value={live({ kbRevision: 2, kbEntries: { e1: entry({ title: 'Build offline, edited', updatedAt: '2026-01-02T00:00:00Z' }), e2: null } })}
      >
        <KnowledgeBasePanel kb={kb} />
      </LiveStateContext.Provider>,
    );

    expect(await screen.findByText('Build offline, edited')).toBeTruthy();
    expect(screen.queryByText('Soon deleted')).toBeNull();
    await waitFor(() => expect(kb.calls.length).toBeGreaterThan(reads));
  });
});

import { useState } from 'react';
import { api } from '../../api/client';
import type { KbEntry, KbFilter } from '../../api/types';
import { Badge, Button, Checkbox, ErrorState, Link, Loading, navigate, Panel, Select, TextInput, Toolbar, useApi, useLocation } from '../common';
import { useLive } from '../../live/hooks';
import { KbEntryForm } from './KbEntryForm';
import { LearningsList } from './LearningsList';
import { Snippet } from './Snippet';

/** The calls the panel makes; tests hand in their own. */
export type KbApi = Pick<
  typeof api,
  'kbEntries' | 'kbSearch' | 'kbLearnings' | 'createKbEntry' | 'updateKbEntry' | 'deleteKbEntry' | 'approveKbEntry' | 'kbSettings' | 'saveKbSettings' | 'consolidateKb'
>;

const FILTERS = ['q', 'project', 'scope', 'tag', 'status'] as const;

/**
 * The knowledge base: browse (by project, scope, tag, pending), search with snippets, add, edit, delete, approve,
 * and see which job produced each entry. Filters live in the URL (/kb?q=...&scope=...), so a view can be shared.
 * Entries others add, change or remove (triage, consolidation, another tab) show up live: a change shows at once, and
 * the list (or search) is read again so that new and removed entries land where its filters put them.
 */
export function KnowledgeBasePanel({ kb = api }: { kb?: KbApi }) {
  const { query } = useLocation();
  const value = (name: (typeof FILTERS)[number]) => query.get(name) ?? '';
  const filter: KbFilter = { project: value('project'), scope: value('scope'), tag: value('tag'), status: value('status') };
  const q = value('q').trim();
  const key = FILTERS.map(value).join('\u0000');
  const { kbEntries: liveEntries, kbRevision } = useLive();
  const list = useApi(
    () => (q ? kb.kbSearch(q, filter).then((r) => r.results) : kb.kbEntries(filter).then((p) => p.items.map((entry) => ({ entry, snippet: '', rank: 0 })))),
    [key, kbRevision],
  );
  const settings = useApi(() => kb.kbSettings(), []);
  const [editing, setEditing] = useState<KbEntry | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  function setFilter(name: (typeof FILTERS)[number], v: string) {
    const next = new URLSearchParams(query);
    if (v) next.set(name, v);
    else next.delete(name);
    const qs = next.toString();
    navigate(`/kb${qs ? `?${qs}` : ''}`, { replace: true });
  }

  async function act(action: () => Promise<unknown>, done?: string) {
    setError(null);
    setMessage(null);
    try {
      await action();
      if (done) setMessage(done);
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  // Until the list is read again, a live copy newer than the listed one is shown, and a removed entry is hidden.
  const hits = (list.data ?? []).flatMap((hit) => {
    const live = liveEntries[hit.entry.id];
    if (live === null) return [];
    return live && Date.parse(live.updatedAt) > Date.parse(hit.entry.updatedAt) ? [{ ...hit, entry: live }] : [hit];
  });
  return (
    <Panel
      title="Knowledge base"
      data-testid="kb-panel"
      actions={
        <>
          <Button variant="primary" data-testid="kb-add" onClick={() => setEditing('new')}>
            Add entry
          </Button>
          <Button data-testid="kb-consolidate" onClick={() => act(async () => {
            const r = await kb.consolidateKb();
            setMessage(`consolidated: ${r.merged.length} merged, ${r.skipped.length} left alone`);
          })}>
            Consolidate
          </Button>
        </>
      }
    >
      <Toolbar>
        <TextInput data-testid="kb-search" placeholder="Search…" aria-label="Search" value={value('q')} onChange={(v) => setFilter('q', v)} />
        <TextInput data-testid="kb-filter-project" placeholder="Project" aria-label="Project" value={value('project')} onChange={(v) => setFilter('project', v)} />
        <TextInput data-testid="kb-filter-tag" placeholder="Tag" aria-label="Tag" value={value('tag')} onChange={(v) => setFilter('tag', v)} />
        <Select
          data-testid="kb-filter-scope"
          aria-label="Scope"
          value={value('scope')}
          onChange={(v) => setFilter('scope', v)}
          options={[{ value: '', label: 'any scope' }, { value: 'project' }, { value: 'global' }]}
        />
        <Checkbox data-testid="kb-filter-pending" label="pending only" checked={value('status') === 'pending'} onChange={(c) => setFilter('status', c ? 'pending' : '')} />
        {settings.data && (
          <Checkbox
            data-testid="kb-review-mode"
            label="review new entries"
            checked={settings.data.requireApproval}
            onChange={(c) => {
              // Shown at once; a refused save reads the stored value back.
              settings.setData({ requireApproval: c });
              void act(() => kb.saveKbSettings({ requireApproval: c })).then(() => settings.reload());
            }}
          />
        )}
      </Toolbar>
      {editing && (
        <KbEntryForm
          key={editing === 'new' ? 'new' : editing.id}
          entry={editing === 'new' ? undefined : editing}
          save={(e) => (editing === 'new' ? kb.createKbEntry(e) : kb.updateKbEntry(editing.id, e))}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {message && <div className="muted" data-testid="kb-message">{message}</div>}
      {error != null && <ErrorState error={error} testId="kb-error" />}
      {list.error != null && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && hits.length === 0 && <div className="empty-state" data-testid="kb-empty">{q ? 'Nothing matches every word.' : 'No entries yet.'}</div>}
      <ul className="kb-list">
        {hits.map(({ entry, snippet }) => (
          <li key={entry.id} className="kb-entry" data-testid="kb-entry" data-entry-id={entry.id} data-status={entry.status}>
            <div className="kb-entry-head">
              <strong data-testid="kb-entry-title">{entry.title}</strong>
              <Badge tone={entry.scope === 'global' ? 'info' : 'neutral'}>{entry.scope}</Badge>
              {entry.status === 'pending' && <Badge tone="warning">pending</Badge>}
              {entry.tags.map((t) => (
                <Badge key={t} className="kb-tag">#{t}</Badge>
              ))}
            </div>
            <div className="kb-entry-body">{snippet ? <Snippet text={snippet} /> : entry.content}</div>
            <div className="kb-entry-meta muted">
              {entry.project && <span className="mono" title={entry.project}>{entry.project}</span>}
              <span>
                {entry.sourceJobId ? (
                  <>
                    from job <Link to={`/jobs/${encodeURIComponent(entry.sourceJobId)}`} data-testid="kb-entry-job">{entry.sourceJobId.slice(0, 8)}</Link>
                    {entry.sourceRunId && <> (run {entry.sourceRunId.slice(0, 8)}{entry.sourceModel ? `, ${entry.sourceModel}` : ''})</>}
                  </>
                ) : (
                  'written by a person'
                )}
              </span>
              <span>injected {entry.injectedCount}× · found {entry.foundCount}×</span>
            </div>
            <div className="kb-entry-actions">
              {entry.status === 'pending' && (
                <Button variant="link" data-testid="kb-approve" onClick={() => act(() => kb.approveKbEntry(entry.id), 'approved')}>
                  approve
                </Button>
              )}
              <Button variant="link" data-testid="kb-edit" onClick={() => setEditing(entry)}>
                edit
              </Button>
              <Button variant="link" className="danger" data-testid="kb-delete" onClick={() => act(() => kb.deleteKbEntry(entry.id), 'deleted')}>
                delete
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <LearningsList load={() => kb.kbLearnings()} />
    </Panel>
  );
}

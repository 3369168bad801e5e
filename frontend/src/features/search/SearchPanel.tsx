import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { SearchHit, SearchParams, SearchResults } from '../../api/types';
import { Button, EmptyState, ErrorState, Field, Link, Loading, navigate, Panel, Select, TextInput, Toolbar, useApi, useLocation } from '../common';
import { PROJECT_PARAM } from '../projects/activeProject';
import { snippetParts } from './snippet';

const TYPES = ['', 'assistant_text', 'tool_use', 'tool_result', 'error', 'result', 'thinking', 'system', 'raw'];

/** Where a hit opens: its job's panel, on its run, scrolled to its event. */
export function hitLink(hit: SearchHit): string {
  return `/jobs/${encodeURIComponent(hit.jobId)}?run=${encodeURIComponent(hit.runId)}&seq=${hit.seq}`;
}

/** The URL of a search, so a search can be bookmarked and shared; the board's active project narrows it. */
function searchUrl(p: SearchParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v !== undefined && v !== '' && v !== 0) q.set(k === 'projectId' ? PROJECT_PARAM : k, String(v));
  }
  return `/search?${q}`;
}

function paramsOf(query: URLSearchParams): SearchParams {
  return {
    q: query.get('q') ?? '',
    type: query.get('type') ?? undefined,
    jobId: query.get('jobId') ?? undefined,
    projectId: query.get(PROJECT_PARAM) ?? undefined,
    from: query.get('from') ?? undefined,
    to: query.get('to') ?? undefined,
    page: Number(query.get('page') ?? 0) || 0,
  };
}

/** Full-text search over every run's output (GET /api/search); the query lives in the URL. */
export function SearchPanel({ search = api.search }: { search?: (p: SearchParams) => Promise<SearchResults> }) {
  const { query } = useLocation();
  const params = paramsOf(query);
  const key = query.toString();
  const [draft, setDraft] = useState(params);
  useEffect(() => setDraft(paramsOf(new URLSearchParams(key))), [key]);
  const { data, error, loading } = useApi(
    () => (params.q.trim() ? search(params) : Promise.resolve(null)),
    [key, search],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(searchUrl({ ...draft, page: 0 }));
  };

  return (
    <Panel title="Search output" data-testid="search-panel">
      <form onSubmit={submit} className="search-form">
        <Toolbar>
          <Field label="Words, &quot;a phrase&quot;, prefix*">
            <TextInput data-testid="search-input" value={draft.q} onChange={(q) => setDraft({ ...draft, q })} placeholder="search what agents said" />
          </Field>
          <Field label="Type">
            <Select
              data-testid="search-type"
              value={draft.type ?? ''}
              onChange={(type) => setDraft({ ...draft, type: type || undefined })}
              options={TYPES.map((t) => ({ value: t, label: t ? t.replace(/_/g, ' ') : 'any' }))}
            />
          </Field>
          <Field label="From">
            <TextInput type="date" data-testid="search-from" value={draft.from ?? ''} onChange={(from) => setDraft({ ...draft, from })} />
          </Field>
          <Field label="To">
            <TextInput type="date" data-testid="search-to" value={draft.to ?? ''} onChange={(to) => setDraft({ ...draft, to })} />
          </Field>
          <Button type="submit" variant="primary" data-testid="search-submit">
            Search
          </Button>
        </Toolbar>
        {params.jobId && (
          <div className="muted">
            in job <span className="mono">{params.jobId}</span> · <Link to={searchUrl({ ...params, jobId: undefined, page: 0 })}>all jobs</Link>
          </div>
        )}
      </form>
      {error != null && <ErrorState error={error} testId="search-error" />}
      {loading && !data && params.q && <Loading label="Searching…" />}
      {!params.q && <EmptyState testId="search-empty">Type words to find in every agent's output.</EmptyState>}
      {data && data.hits.length === 0 && <EmptyState testId="search-no-hits">Nothing matches “{data.query}”.</EmptyState>}
      {data && data.hits.length > 0 && (
        <>
          {data.capped && (
            <div className="muted" data-testid="search-capped">
              More than {data.rankWindow.toLocaleString()} events match: these are the best of the newest {data.rankWindow.toLocaleString()}.
              Add words, a job or dates to reach older ones.
            </div>
          )}
          <ol className="search-hits" data-testid="search-hits">
            {data.hits.map((hit) => (
              <li key={`${hit.runId}/${hit.seq}`} className="search-hit" data-testid="search-hit" data-run-id={hit.runId} data-seq={hit.seq}>
                <Link to={hitLink(hit)} className="search-hit-title">
                  {hit.jobTitle ?? hit.jobId}
                </Link>
                <span className="muted">
                  {' '}
                  · {hit.type.replace(/_/g, ' ')} · {new Date(hit.createdAt).toLocaleString()}
                </span>
                <div className="search-snippet" data-testid="search-snippet">
                  {snippetParts(hit.snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </div>
              </li>
            ))}
          </ol>
          <Toolbar>
            {params.page! > 0 && <Link to={searchUrl({ ...params, page: params.page! - 1 })}>← better matches</Link>}
            {data.hasMore && (
              <Link to={searchUrl({ ...params, page: params.page! + 1 })} data-testid="search-next">
                more matches →
              </Link>
            )}
          </Toolbar>
        </>
      )}
    </Panel>
  );
}

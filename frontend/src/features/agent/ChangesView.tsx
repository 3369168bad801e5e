import { useEffect, useMemo, useRef, useState } from 'react';
import { parseDiff } from 'react-diff-view';
import { api, ApiError } from '../../api/client';
import type { Changes, ChangesScope, ChangesSource } from '../../api/types';
import { FileDiff, FileStatus, LineCounts, diffsByPath } from './FileDiff';

const SOURCES: Record<ChangesSource, string> = {
  worktree: 'the job’s worktree',
  branch: 'the job’s branch (its worktree is removed; committed changes only)',
  workdir: 'the work dir (a shared checkout)',
};

/**
 * What changed from the run's base commit to now, where it works: the commits since, then each changed file
 * (committed, uncommitted or untracked) with its own coloured diff. Scope "job" counts from the job's first run.
 */
export function ChangesView({ runId }: { runId: string }) {
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<ChangesScope>('run');
  const [tick, setTick] = useState(0);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api
      .changes(runId, scope)
      .then((c) => !cancelled && setChanges(c))
      .catch((e) => {
        if (cancelled) return;
        setChanges(null);
        setError(e instanceof ApiError ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [runId, scope, tick]);

  const diffs = useMemo(() => diffsByPath(changes ? safeParse(changes.diff) : []), [changes]);

  const show = (path: string) =>
    Array.from(list.current?.querySelectorAll<HTMLElement>('[data-path]') ?? [])
      .find((e) => e.dataset.path === path)
      ?.scrollIntoView?.({ block: 'start' });

  return (
    <div className="changes" data-testid="changes">
      <div className="changes-bar">
        <button type="button" className="link" onClick={() => setTick((t) => t + 1)} data-testid="changes-refresh">
          refresh
        </button>
        <select
          className="changes-scope"
          data-testid="changes-scope"
          value={scope}
          onChange={(e) => setScope(e.target.value as ChangesScope)}
        >
          <option value="run">since this run started</option>
          <option value="job">since the job’s first run</option>
        </select>
        {changes && (
          <span className="muted mono" data-testid="changes-range">
            {changes.base ? changes.base.slice(0, 10) : '(empty)'} → {changes.head ? changes.head.slice(0, 10) : '(no commits)'}
            {changes.source !== 'branch' && ' + working tree'}
          </span>
        )}
      </div>
      {error && <div className="muted" data-testid="changes-error">{error}</div>}
      {changes && (
        <>
          <div className="muted" data-testid="changes-source" data-source={changes.source}>
            From {SOURCES[changes.source] ?? changes.source}
            {changes.branch ? ` ⎇ ${changes.branch}` : ''}: <span className="mono">{changes.workDir}</span>
          </div>
          {changes.note && <div className="changes-note" data-testid="changes-note">{changes.note}</div>}
          <div data-testid="changes-commits">
            <strong>Commits since the base</strong>
            {changes.commits.length === 0 ? (
              <span className="muted"> none</span>
            ) : (
              <ul className="commit-list">
                {changes.commits.map((c) => (
                  <li key={c.sha}>
                    <span className="mono muted">{c.sha.slice(0, 10)}</span> {c.subject}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {changes.files.length === 0 ? (
            <div className="muted" data-testid="changes-none">No changes.</div>
          ) : (
            <table className="table file-list" data-testid="changes-files">
              <tbody>
                {changes.files.map((f) => (
                  <tr key={f.path} data-testid="changes-file" data-status={f.status}>
                    <td><FileStatus file={f} /></td>
                    <td>
                      <button type="button" className="link mono" onClick={() => show(f.path)}>
                        {f.oldPath ? `${f.oldPath} → ${f.path}` : f.path}
                      </button>
                      {f.untracked && <span className="badge">untracked</span>}
                    </td>
                    <td className="num"><LineCounts file={f} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {changes.truncated && <div className="muted">The diff was cut at its size limit; see the work dir for the rest.</div>}
          <div className="file-diffs" ref={list}>
            {changes.files.map((f) => (
              <FileDiff key={f.path} file={f} diff={diffs.get(f.path)} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** A diff cut at its size limit may end mid-file; parse what can be parsed. */
function safeParse(diff: string) {
  try {
    return parseDiff(diff);
  } catch {
    return [];
  }
}

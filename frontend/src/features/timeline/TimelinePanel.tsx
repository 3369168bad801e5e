import { useMemo } from 'react';
import { api } from '../../api/client';
import type { Timeline } from '../../api/types';
import { Button, EmptyState, ErrorState, Link, Loading, navigate, Panel, Toolbar, useApi, useLocation } from '../common';
import { useOnLiveChange } from '../../live/hooks';
import { Chart, type ChartClick } from '../common/Chart';
import { OUTCOME_COLOURS, timelineOption, VISIBLE_ROWS, type BarDatum } from './timelineChart';

const WINDOWS: { label: string; hours: number }[] = [
  { label: '6 h', hours: 6 },
  { label: '24 h', hours: 24 },
  { label: '7 days', hours: 24 * 7 },
  { label: '30 days', hours: 24 * 30 },
];

/**
 * What ran when (GET /api/timeline): one row per job, one bar per run, coloured by outcome. Wheel or pinch zooms,
 * dragging pans, the sliders do both; a click opens the job. The window is in the URL (`?hours=` up to now, or
 * `?from=&to=`); a window that ends now follows the runs live.
 */
export function TimelinePanel({ load = api.timeline }: { load?: (from?: string, to?: string) => Promise<Timeline> }) {
  const { query } = useLocation();
  const hours = Number(query.get('hours') ?? 24) || 24;
  const fixedTo = query.get('to') ?? undefined;
  const fixedFrom = query.get('from') ?? undefined;
  const { data, error, loading, reload } = useApi(() => {
    const from = fixedFrom ?? new Date(Date.now() - hours * 3_600_000).toISOString();
    return load(from, fixedTo);
  }, [hours, fixedFrom, fixedTo, load]);
  useOnLiveChange(() => {
    if (!fixedTo) reload();
  });
  const option = useMemo(() => (data ? timelineOption(data, Date.now()) : null), [data]);

  // A bar carries its job; a row's label is its job's id.
  const open = (event: ChartClick & { componentType?: string }) => {
    const jobId = event.componentType === 'yAxis' ? String(event.value) : (event.data as BarDatum | undefined)?.jobId;
    if (jobId) navigate(`/jobs/${encodeURIComponent(jobId)}`);
  };

  return (
    <Panel title="Timeline" data-testid="timeline-panel" actions={<Button variant="link" onClick={reload}>refresh</Button>}>
      <Toolbar>
        {WINDOWS.map((w) => (
          <Link
            key={w.hours}
            to={`/timeline?hours=${w.hours}`}
            className={`chip${!fixedFrom && w.hours === hours ? ' chip-on' : ''}`}
            data-testid={`timeline-window-${w.hours}`}
          >
            last {w.label}
          </Link>
        ))}
        <span className="legend">
          {Object.entries(OUTCOME_COLOURS).map(([outcome, colour]) => (
            <span key={outcome} className="legend-item">
              <span className="legend-swatch" style={{ background: colour }} /> {outcome.replace(/_/g, ' ')}
            </span>
          ))}
        </span>
      </Toolbar>
      {error != null && <ErrorState error={error} onRetry={reload} testId="timeline-error" />}
      {!data && loading && <Loading />}
      {data && data.rows.length === 0 && <EmptyState testId="timeline-empty">No runs in this window.</EmptyState>}
      {data && data.rows.length > 0 && option && (
        <>
          <div className="muted" data-testid="timeline-summary" data-rows={data.rows.length} data-runs={data.runCount}>
            {data.runCount} runs of {data.rows.length} jobs{data.truncated ? ' (cut: narrow the window to see all)' : ''}
          </div>
          <Chart option={option} onClick={open} testId="timeline-chart" height={Math.min(data.rows.length, VISIBLE_ROWS) * 28 + 90} />
          <details className="timeline-list">
            <summary>The rows as a list</summary>
            <ol data-testid="timeline-rows">
              {data.rows.map((row) => (
                <li key={row.jobId} data-testid="timeline-row" data-job-id={row.jobId}>
                  <Link to={`/jobs/${encodeURIComponent(row.jobId)}`}>{row.title}</Link>{' '}
                  <span className="muted">
                    {row.runs.map((r) => r.outcome.replace(/_/g, ' ')).join(', ')}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </Panel>
  );
}

import { api } from '../../api/client';
import type { UsageBucket, UsageLine, UsageReport } from '../../api/types';
import { Button, DataTable, EmptyState, ErrorState, Field, Loading, navigate, Panel, TextInput, Toolbar, useApi, useLocation, type Column } from '../common';
import { Chart } from '../common/Chart';
import { formatCost } from '../common/runBits';
import { agentLabels, bucketLabels, dayLabels, hasNamed, modelLabels, spendBars, tokenBars } from './usageCharts';

const AGENTS: { agent: string; label: string }[] = [
  { agent: 'claude', label: 'Claude' },
  { agent: 'codex', label: 'Codex' },
];

export function formatTokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)}M`;
  if (n >= 1_000) return `${(n / 1_000).toFixed(n >= 10_000 ? 0 : 1)}k`;
  return String(n);
}

/** A line's spend, with the part the orchestrator estimated marked as such. */
function Spend({ line }: { line: UsageLine }) {
  const estimated = line.estimatedCostUsd > 0;
  const allEstimated = estimated && line.estimatedCostUsd >= line.costUsd - 1e-9;
  return (
    <span data-testid="usage-cost" data-estimated={estimated ? (allEstimated ? 'all' : 'part') : 'none'}>
      {formatCost(line.costUsd, allEstimated)}
      {estimated && !allEstimated && (
        <span className="muted" data-testid="usage-estimated-part">
          {' '}
          (of which ~{formatCost(line.estimatedCostUsd)} est.)
        </span>
      )}
    </span>
  );
}

/** What the runs have spent so far, Claude's and Codex's apart, from GET /api/usage. */
const MODEL_COLUMNS: Column<UsageLine>[] = [
  { key: 'model', header: 'Model', className: 'mono', render: (l) => l.model ?? '–' },
  { key: 'agent', header: 'Agent', render: (l) => l.agent },
  { key: 'runs', header: 'Runs', render: (l) => l.runs },
  { key: 'spend', header: 'Spend', render: (l) => <Spend line={l} /> },
  { key: 'tokens', header: 'Tokens in / out', render: (l) => `${formatTokens(l.inputTokens)} / ${formatTokens(l.outputTokens)}` },
];

/** A chart per dimension: spend (reported and estimated stacked) and tokens. */
function DimensionCharts({ name, labels, rows }: { name: string; labels: string[]; rows: (UsageLine | UsageBucket)[] }) {
  return (
    <div className="usage-charts" data-testid={`usage-chart-${name}`}>
      <Chart option={spendBars(labels, rows)} height={220} />
      <Chart option={tokenBars(labels, rows)} height={220} />
    </div>
  );
}

/** The window is in the URL (`/usage?from=2026-11-01&to=2026-12-01`, dates in UTC, `to` exclusive). */
export function UsagePanel({ load = api.usage }: { load?: (from?: string, to?: string) => Promise<UsageReport> }) {
  const { query } = useLocation();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const { data: report, error, loading, reload } = useApi(() => load(from || undefined, to || undefined), [load, from, to]);
  const setRange = (f: string, t: string) => {
    const q = new URLSearchParams();
    if (f) q.set('from', f);
    if (t) q.set('to', t);
    navigate(`/usage${q.size ? `?${q}` : ''}`, { replace: true });
  };

  return (
    <Panel
      title="Usage"
      data-testid="usage-panel"
      actions={
        <Button variant="link" data-testid="usage-refresh" onClick={reload}>
          refresh
        </Button>
      }
    >
      <Toolbar>
        <Field label="From (UTC day)">
          <TextInput type="date" data-testid="usage-from" value={from} onChange={(f) => setRange(f, to)} />
        </Field>
        <Field label="To (UTC day, exclusive)">
          <TextInput type="date" data-testid="usage-to" value={to} onChange={(t) => setRange(from, t)} />
        </Field>
        {(from || to) && (
          <Button variant="link" data-testid="usage-all-time" onClick={() => setRange('', '')}>
            all time
          </Button>
        )}
      </Toolbar>
      {error != null && <ErrorState error={error} onRetry={reload} testId="usage-error" />}
      {!report && !error && loading && <Loading />}
      {report && (
        <>
          <div data-testid="usage-total">
            Total <strong>{formatCost(report.totalCostUsd)}</strong>
            {report.byAgent.some((l) => l.estimatedCostUsd > 0) && <span className="muted"> (includes estimates)</span>}
          </div>
          <div className="usage-agents">
            {AGENTS.map(({ agent, label }) => {
              const line = report.byAgent.find((l) => l.agent === agent);
              return (
                <div key={agent} className="usage-agent" data-testid={`usage-agent-${agent}`}>
                  <h3>
                    {label}
                    {line?.provider && <span className="muted"> · {line.provider}</span>}
                  </h3>
                  {line ? (
                    <dl className="details">
                      <dt>Spend</dt>
                      <dd>
                        <Spend line={line} />
                      </dd>
                      <dt>Tokens</dt>
                      <dd data-testid="usage-tokens">
                        {formatTokens(line.inputTokens)} in · {formatTokens(line.outputTokens)} out
                      </dd>
                      <dt>Runs</dt>
                      <dd>{line.runs}</dd>
                    </dl>
                  ) : (
                    <div className="muted">no runs yet</div>
                  )}
                </div>
              );
            })}
          </div>
          {report.byModel.length > 0 && (
            <>
              <h3>By model</h3>
              <DataTable
                testId="usage-models"
                columns={MODEL_COLUMNS}
                rows={report.byModel}
                rowKey={(l) => `${l.agent}/${l.model}`}
                rowProps={(l) => ({ 'data-testid': 'usage-model-row', 'data-model': l.model ?? '' })}
              />
              <DimensionCharts name="model" labels={modelLabels(report.byModel)} rows={report.byModel} />
            </>
          )}
          {report.byDay && report.byDay.length > 0 && (
            <>
              <h3>By day</h3>
              <DimensionCharts name="day" labels={dayLabels(report.byDay)} rows={report.byDay} />
            </>
          )}
          {report.byAgent.length > 0 && (
            <>
              <h3>By provider</h3>
              <DimensionCharts name="agent" labels={agentLabels(report.byAgent)} rows={report.byAgent} />
            </>
          )}
          <h3>By project</h3>
          {report.byProject && hasNamed(report.byProject) ? (
            <DimensionCharts name="project" labels={bucketLabels(report.byProject, 'no project')} rows={report.byProject} />
          ) : (
            <EmptyState testId="usage-no-projects">No spend by project yet.</EmptyState>
          )}
          <h3>By template</h3>
          {report.byTemplate && hasNamed(report.byTemplate) ? (
            <DimensionCharts name="template" labels={bucketLabels(report.byTemplate, 'no template')} rows={report.byTemplate} />
          ) : (
            <EmptyState testId="usage-no-templates">No spend by template yet.</EmptyState>
          )}
          <div data-testid="usage-system">
            <h3>System (small model)</h3>
            <div>
              <strong>{formatCost(report.system?.costUsd ?? 0)}</strong> over {report.system?.calls ?? 0} calls
              {(report.system?.failedCalls ?? 0) > 0 && <span className="muted"> ({report.system!.failedCalls} failed)</span>}
              {report.system && report.system.byPurpose.length > 0 && (
                <span className="muted">
                  {' '}
                  · {report.system.byPurpose.map((p) => `${p.purpose} ${p.calls}`).join(' · ')}
                </span>
              )}
            </div>
            <div className="muted">Memory triage, model classification and consolidation; not in the total above.</div>
          </div>
          <p className="muted">“est.” spend is priced by the orchestrator from its own price table (Codex reports no cost).</p>
        </>
      )}
    </Panel>
  );
}

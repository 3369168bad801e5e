import { api } from '../../api/client';
import type { UsageLine, UsageReport } from '../../api/types';
import { Button, DataTable, ErrorState, Loading, Panel, useApi, type Column } from '../common';
import { formatCost } from '../common/runBits';

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

export function UsagePanel({ load = api.usage }: { load?: () => Promise<UsageReport> }) {
  const { data: report, error, loading, reload } = useApi(load, [load]);

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
            </>
          )}
          <p className="muted">“est.” spend is priced by the orchestrator from its own price table (Codex reports no cost).</p>
        </>
      )}
    </Panel>
  );
}

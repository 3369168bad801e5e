import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { UsageLine, UsageReport } from '../../api/types';
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
export function UsagePanel({ load = api.usage }: { load?: () => Promise<UsageReport> }) {
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    load()
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [load]);

  useEffect(() => reload(), [reload]);

  return (
    <section className="side" data-testid="usage-panel">
      <div className="changes-bar">
        <h2>Usage</h2>
        <span className="spacer" />
        <button type="button" className="link" data-testid="usage-refresh" onClick={reload}>
          refresh
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert" data-testid="usage-error">
          {error}
        </div>
      )}
      {!report && !error && <div className="muted">Loading…</div>}
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
              <table className="table" data-testid="usage-models">
                <thead>
                  <tr>
                    <th>Model</th>
                    <th>Agent</th>
                    <th>Runs</th>
                    <th>Spend</th>
                    <th>Tokens in / out</th>
                  </tr>
                </thead>
                <tbody>
                  {report.byModel.map((line) => (
                    <tr key={`${line.agent}/${line.model}`} data-testid="usage-model-row" data-model={line.model ?? ''}>
                      <td className="mono">{line.model ?? '–'}</td>
                      <td>{line.agent}</td>
                      <td>{line.runs}</td>
                      <td>
                        <Spend line={line} />
                      </td>
                      <td>
                        {formatTokens(line.inputTokens)} / {formatTokens(line.outputTokens)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p className="muted">“est.” spend is priced by the orchestrator from its own price table (Codex reports no cost).</p>
        </>
      )}
    </section>
  );
}

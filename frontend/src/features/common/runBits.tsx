import type { AgentRun, FailureKind, HealthWarning, ProviderRetry } from '../../api/types';
import { Badge } from './Badge';

/** US dollars for a card or table: two decimals, "<$0.01" for crumbs, "~… est." when the orchestrator priced it. */
export function formatCost(usd: number, estimated = false): string {
  const amount = usd > 0 && usd < 0.01 ? '<$0.01' : `$${usd.toFixed(2)}`;
  return estimated ? `~${amount} est.` : amount;
}

export function runCost(run: AgentRun): string {
  return formatCost(run.costUsd, !!run.costEstimated);
}

const FAILURE_LABELS: Record<FailureKind, string> = {
  rate_limit: 'rate limited',
  overloaded: 'overloaded',
  auth: 'auth failed',
  context_overflow: 'context overflow',
  cli_crash: 'CLI crashed',
  timeout: 'timed out',
  budget: 'budget reached',
  check_failed: 'check failed',
  tool_error: 'tool error',
  cancelled: 'cancelled',
  unknown: 'unknown failure',
};

/** Why a failed run failed, as the server classified it. */
export function FailureBadge({ run }: { run: AgentRun | undefined }) {
  if (!run || run.status !== 'failed' || !run.failureKind) return null;
  const kind = run.failureKind;
  return (
    <Badge tone="danger" className="badge-failure" data-testid="failure-kind" data-kind={kind} title={run.errorMessage ?? kind}>
      {FAILURE_LABELS[kind] ?? kind.replace(/_/g, ' ')}
    </Badge>
  );
}

/** A delay as the badge says it: "0.6s" under a second, whole seconds above. */
function formatDelay(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}

/** "retrying 429 · attempt 3/10 · next in 4s"; the parts the CLI did not report are left out. */
export function retryLabel(retry: ProviderRetry): string {
  const parts = [retry.status != null ? `retrying ${retry.status}` : 'retrying'];
  parts.push(retry.maxAttempts != null ? `attempt ${retry.attempt}/${retry.maxAttempts}` : `attempt ${retry.attempt}`);
  if (retry.delayMs != null) parts.push(`next in ${formatDelay(retry.delayMs)}`);
  return parts.join(' · ');
}

function retryTitle(retry: ProviderRetry): string {
  const answer = [retry.status != null ? `HTTP ${retry.status}` : null, retry.error].filter(Boolean).join(' ');
  const since = new Date(retry.at).toLocaleTimeString();
  return `The model provider answered ${answer || 'with an error'}; the agent's CLI is retrying the call (since ${since}).`;
}

/** A live run whose CLI is retrying a refused model call (rate limit, overload): the run waits, it is not stuck. */
export function RetryBadge({ run }: { run: AgentRun | undefined }) {
  const retry = run?.retrying;
  if (!retry || run.status === 'done' || run.status === 'failed' || run.status === 'cancelled') return null;
  return (
    <Badge tone="warning" className="badge-retrying" data-testid="retrying" data-status={retry.status ?? ''} title={retryTitle(retry)}>
      {retryLabel(retry)}
    </Badge>
  );
}

const WARNING_LABELS: Record<string, string> = {
  stalled: 'stalled',
  high_turns: 'many turns',
  long_running: 'long running',
  budget_warning: 'near budget',
  time_warning: 'near time limit',
};

/** A live run's health warnings as small chips; the message is the tooltip (and the text when `full`). */
export function HealthChips({ warnings, full = false }: { warnings: HealthWarning[]; full?: boolean }) {
  if (!warnings.length) return null;
  return (
    <span className="health-chips">
      {warnings.map((w) => (
        <span key={w.kind} className="warn-chip" data-testid="health-warning" data-kind={w.kind} title={w.message}>
          ⚠ {full ? w.message : (WARNING_LABELS[w.kind] ?? w.kind.replace(/_/g, ' '))}
        </span>
      ))}
    </span>
  );
}

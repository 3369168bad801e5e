import { memo, useState } from 'react';
import { api } from '../../api/client';
import type { AgentRun, HealthWarning, Job } from '../../api/types';
import { Badge } from '../common/Badge';
import { FailureBadge, HealthChips, RetryBadge, runCost } from '../common/runBits';
import type { CardState } from './cardState';

interface Props {
  job: Job;
  run: AgentRun | undefined;
  state: CardState;
  selected: boolean;
  onOpen: (jobId: string) => void;
  /** The run's health warnings, while it is live. */
  warnings?: HealthWarning[];
}

/** Flag and archive, beside the card (a card is a button, and buttons do not nest). */
function CardActions({ job }: { job: Job }) {
  const [error, setError] = useState<string | null>(null);
  const finished = job.status === 'done' || job.status === 'failed' || job.status === 'cancelled';
  const act = (action: () => Promise<unknown>) => () => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="card-actions">
      <button
        type="button"
        className="link"
        data-testid="card-flag-toggle"
        aria-pressed={!!job.flagged}
        title={job.flagged ? 'Remove the flag' : 'Flag for attention'}
        onClick={act(() => api.toggleFlag(job.id))}
      >
        {job.flagged ? '★' : '☆'}
      </button>
      {finished && (
        <button type="button" className="link" data-testid="card-archive" title="Archive: off the board" onClick={act(() => api.archiveJob(job.id))}>
          archive
        </button>
      )}
      {error && (
        <span className="card-action-error" role="alert" data-testid="card-action-error" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}

function JobCardView(props: Props) {
  return (
    <div className="card-shell">
      <CardButton {...props} />
      <CardActions job={props.job} />
    </div>
  );
}

function CardButton({ job, run, state, selected, onOpen, warnings = [] }: Props) {
  const runStatus = run?.status;
  const finishedBadly = job.status === 'failed' || job.status === 'cancelled';
  return (
    <button
      type="button"
      className={`card card-${state}${selected ? ' card-selected' : ''}`}
      data-testid="job-card"
      data-job-id={job.id}
      data-status={job.status}
      data-run-status={runStatus ?? ''}
      data-card-state={state}
      data-flagged={job.flagged ? 'true' : 'false'}
      data-failure-kind={run?.status === 'failed' ? (run.failureKind ?? '') : ''}
      onClick={() => onOpen(job.id)}
      title={job.description}
    >
      <div className="card-top">
        {job.flagged && (
          <span className="card-flag" data-testid="card-flag" aria-label="flagged" title="flagged">
            ★
          </span>
        )}
        <span className="card-title">{job.title}</span>
        <HealthChips warnings={warnings} />
        <FailureBadge run={run} />
        <RetryBadge run={run} />
        {job.prUrl && (
          <Badge tone="info" data-testid="card-pr" title={job.prUrl}>
            PR
          </Badge>
        )}
        {job.priority !== 0 && <Badge tone={job.priority > 0 ? 'warning' : 'neutral'}>p{job.priority}</Badge>}
      </div>
      <div className="card-meta">
        <span className={`status status-${state}`}>{runStatus === 'waiting_user' ? 'needs answer' : runStatus ?? job.status}</span>
        <span>{job.model.replace(/^claude-/, '')}</span>
        <ModelChoiceNote job={job} />
        {run && run.numTurns > 0 && <span>{run.numTurns} turns</span>}
        {run && run.costUsd > 0 && <span data-testid="card-cost">{runCost(run)}</span>}
        {job.branch && (
          <span className="card-branch" data-testid="card-branch" title={job.branch}>
            ⎇ {job.branch}
          </span>
        )}
      </div>
      {finishedBadly && job.statusReason ? (
        <div className="card-reason">{job.statusReason}</div>
      ) : job.status === 'queued' && job.queueReason ? (
        <div className="card-message" data-testid="card-queue-reason" title={job.queueReason}>
          {job.queueReason}
        </div>
      ) : (
        run?.statusMessage && (
          <div className="card-message" data-testid="card-status-message" title={run.statusMessage}>
            {run.statusMessage}
          </div>
        )
      )}
    </button>
  );
}

/** How an unnamed model was chosen: the classifier's rating (with its reason on hover), or why the default stayed. */
function ModelChoiceNote({ job }: { job: Job }) {
  const choice = job.modelChoice;
  // The default without a reason: classification is off, nothing to say on every card.
  if (!choice || choice.source === 'explicit' || (choice.source === 'default' && !choice.reason)) return null;
  if (choice.source === 'pending') {
    return <span className="muted card-model-auto" data-testid="card-model-choice" data-source="pending">classifying…</span>;
  }
  const label = choice.source === 'classified' ? `auto: ${choice.rating}` : 'auto: default';
  return (
    <span className="muted card-model-auto" data-testid="card-model-choice" data-source={choice.source} title={choice.reason ?? undefined}>
      {label}
    </span>
  );
}

export const JobCard = memo(JobCardView);

import { memo } from 'react';
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

function JobCardView({ job, run, state, selected, onOpen, warnings = [] }: Props) {
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
      data-failure-kind={run?.status === 'failed' ? (run.failureKind ?? '') : ''}
      onClick={() => onOpen(job.id)}
      title={job.description}
    >
      <div className="card-top">
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

export const JobCard = memo(JobCardView);

import { memo } from 'react';
import type { AgentRun, Job } from '../../api/types';
import type { CardState } from './cardState';

interface Props {
  job: Job;
  run: AgentRun | undefined;
  state: CardState;
  selected: boolean;
  onOpen: (jobId: string) => void;
}

function JobCardView({ job, run, state, selected, onOpen }: Props) {
  const runStatus = run?.status;
  return (
    <button
      type="button"
      className={`card card-${state}${selected ? ' card-selected' : ''}`}
      data-testid="job-card"
      data-job-id={job.id}
      data-status={job.status}
      data-run-status={runStatus ?? ''}
      data-card-state={state}
      onClick={() => onOpen(job.id)}
      title={job.description}
    >
      <div className="card-top">
        <span className="card-title">{job.title}</span>
        {job.priority !== 0 && <span className="badge">p{job.priority}</span>}
      </div>
      <div className="card-meta">
        <span className={`status status-${state}`}>{runStatus === 'waiting_user' ? 'needs answer' : runStatus ?? job.status}</span>
        <span>{job.model.replace(/^claude-/, '')}</span>
        {run && run.numTurns > 0 && <span>{run.numTurns} turns</span>}
        {run && run.costUsd > 0 && <span>{run.costUsd < 0.01 ? '<$0.01' : `$${run.costUsd.toFixed(2)}`}</span>}
        {run?.statusMessage && <span className="card-message">{run.statusMessage}</span>}
      </div>
      {(job.status === 'failed' || job.status === 'cancelled') && job.statusReason && (
        <div className="card-reason">{job.statusReason}</div>
      )}
    </button>
  );
}

export const JobCard = memo(JobCardView);

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentRun, Job } from '../../api/types';
import { JobCard } from './JobCard';

const job = { id: 'j1', title: 'Fix it', description: 'd', status: 'failed', statusReason: 'check failed', priority: 0, model: 'codex', branch: 'autodev/j1-fix-it', prUrl: null } as unknown as Job;
const run = { id: 'r1', jobId: 'j1', status: 'failed', numTurns: 2, costUsd: 0.0213, costEstimated: true, failureKind: 'check_failed', statusMessage: 'tests pass' } as unknown as AgentRun;

describe('job card', () => {
  it('shows the failure kind, estimated cost and branch', () => {
    render(<JobCard job={job} run={run} state="dim" selected={false} onOpen={() => {}} />);
    expect(screen.getByTestId('failure-kind').getAttribute('data-kind')).toBe('check_failed');
    expect(screen.getByTestId('job-card').getAttribute('data-failure-kind')).toBe('check_failed');
    expect(screen.getByTestId('card-cost').textContent).toBe('~$0.02 est.');
    expect(screen.getByTestId('card-branch').textContent).toContain('autodev/j1-fix-it');
  });

  it('shows a live run\'s status message and health warnings', () => {
    const live = { ...run, status: 'running', failureKind: null, costEstimated: false } as AgentRun;
    render(
      <JobCard
        job={{ ...job, status: 'running' }}
        run={live}
        state="running"
        selected={false}
        onOpen={() => {}}
        warnings={[{ kind: 'stalled', message: 'no output for 11 minutes' }]}
      />,
    );
    expect(screen.queryByTestId('failure-kind')).toBeNull();
    expect(screen.getByTestId('card-status-message').textContent).toBe('tests pass');
    const chip = screen.getByTestId('health-warning');
    expect(chip.getAttribute('data-kind')).toBe('stalled');
    expect(chip.getAttribute('title')).toBe('no output for 11 minutes');
    expect(screen.getByTestId('card-cost').textContent).toBe('$0.02');
  });
});

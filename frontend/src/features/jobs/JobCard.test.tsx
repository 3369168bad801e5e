import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentRun, Job } from '../../api/types';
import { JobCard } from './JobCard';

const job = { id: 'j1', title: 'Fix it', description: 'd', status: 'failed', statusReason: 'check failed', priority: 0, model: 'codex', branch: 'autodev/j1-fix-it', prUrl: null } as unknown as Job;
const run = { id: 'r1', jobId: 'j1', status: 'failed', numTurns: 2, costUsd: 0.0213, costEstimated: true, failureKind: 'check_failed', statusMessage: 'tests pass' } as unknown as AgentRun;

describe('job card', () => {
  it('shows how a model without a name was chosen, and nothing for an explicit one', () => {
    const classified = { ...job, modelChoice: { source: 'classified', rating: 'complex', reason: 'redesigns the scheduler' } } as Job;
    const { unmount } = render(<JobCard job={classified} run={undefined} state="dim" selected={false} onOpen={() => {}} />);
    const note = screen.getByTestId('card-model-choice');
    expect(note.textContent).toBe('auto: complex');
    expect(note.getAttribute('title')).toBe('redesigns the scheduler');
    unmount();
    render(<JobCard job={{ ...job, modelChoice: { source: 'explicit', rating: null, reason: null } }} run={undefined} state="dim" selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('card-model-choice')).toBeNull();
  });

  it('says why a queued job has not started, and nothing once it runs', () => {
    const reason = 'waiting for an interactive session: all 1 are in use (autodev.interactive.max-sessions); it starts when one ends';
    const queued = { ...job, status: 'queued', statusReason: null, queueReason: reason } as Job;
    const { unmount } = render(<JobCard job={queued} run={undefined} state="dim" selected={false} onOpen={() => {}} />);
    expect(screen.getByTestId('card-queue-reason').textContent).toBe(reason);
    unmount();
    render(<JobCard job={{ ...queued, status: 'running', queueReason: null }} run={undefined} state="running" selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('card-queue-reason')).toBeNull();
  });

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

  it('shows the provider retry a live run waits on', () => {
    const retrying = {
      ...run,
      status: 'running',
      failureKind: null,
      retrying: { status: 429, error: 'rate_limit', attempt: 3, maxAttempts: 10, delayMs: 4302, at: '2026-03-01T10:00:00Z' },
    } as AgentRun;
    render(<JobCard job={{ ...job, status: 'running' }} run={retrying} state="running" selected={false} onOpen={() => {}} />);

    const badge = screen.getByTestId('retrying');
    expect(badge.textContent).toBe('retrying 429 · attempt 3/10 · next in 4s');
    expect(badge.getAttribute('data-status')).toBe('429');
    expect(badge.getAttribute('title')).toContain('HTTP 429 rate_limit');
  });

  it('says what Codex leaves out of its retries, and nothing once the model answered', () => {
    const codex = {
      ...run,
      status: 'running',
      failureKind: null,
      retrying: { status: null, error: 'high demand', attempt: 2, maxAttempts: 5, delayMs: null, at: '2026-03-01T10:00:00Z' },
    } as AgentRun;
    const { rerender } = render(<JobCard job={{ ...job, status: 'running' }} run={codex} state="running" selected={false} onOpen={() => {}} />);
    expect(screen.getByTestId('retrying').textContent).toBe('retrying · attempt 2/5');

    rerender(<JobCard job={{ ...job, status: 'running' }} run={{ ...codex, retrying: null }} state="running" selected={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('retrying')).toBeNull();
  });
});

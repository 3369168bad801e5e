import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { WorkflowsApi } from './api';
import { NewWorkflowForm, toNewWorkflow } from './NewWorkflowForm';
import type { Workflow } from './types';
import { WorkflowDetail } from './WorkflowDetail';

const base: Workflow = {
  id: 'wf-1', title: 'Write files', task: 'Write files', status: 'blocked', phase: 'implement', cycle: 2, workDir: '/r',
  implementerModel: 'claude-sonnet-4-6', reviewerModel: 'codex', maxCycles: 10, useWorktree: true, budgetUsd: null,
  approvePlan: false, branch: 'autodev/wf-1', worktreePath: '/r/.orchestrator-workflows/wf-1', prUrl: null,
  blockedReason: { code: 'zero_progress', message: 'No milestone in 2 cycles.', action: 'Fix it, then resume.' },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  milestones: { done: 1, total: 2, items: [{ title: 'M1: a', done: true }, { title: 'M2: b', done: false }] },
  costUsd: 0.42, steps: [], jobs: [],
};

function client(overrides: Partial<WorkflowsApi> = {}): WorkflowsApi {
  return {
    list: vi.fn(), create: vi.fn(), savePlan: vi.fn(), approve: vi.fn(), cancel: vi.fn(),
    get: vi.fn(async () => base),
    plan: vi.fn(async () => ({ key: 'workflow/wf-1/plan', text: '- [x] **M1: a**\n- [ ] **M2: b**', milestones: base.milestones, contract: 'rules' })),
    worklogs: vi.fn(async () => [{ key: 'workflow/wf-1/worklog/cycle-1-review', value: 'looks fine', writtenByRunId: null, updatedAt: '' }]),
    resume: vi.fn(async () => ({ ...base, status: 'running' as const, blockedReason: null })),
    ...overrides,
  } as WorkflowsApi;
}

describe('WorkflowDetail', () => {
  it('shows the plan as checkboxes, the blocked reason, and resumes', async () => {
    const api = client();
    render(<WorkflowDetail id="wf-1" client={api} />);
    await waitFor(() => expect(screen.getAllByTestId('milestone')).toHaveLength(2));
    expect(screen.getAllByTestId('milestone').map((m) => m.getAttribute('data-done'))).toEqual(['true', 'false']);
    expect(screen.getByTestId('workflow-progress').textContent).toContain('1 / 2 milestones');
    expect(screen.getByTestId('workflow-blocked').getAttribute('data-code')).toBe('zero_progress');
    fireEvent.click(screen.getByTestId('workflow-resume'));
    await waitFor(() => expect(api.resume).toHaveBeenCalledWith('wf-1'));
    await waitFor(() => expect(screen.getByTestId('workflow-state').getAttribute('data-status')).toBe('running'));
  });

  it('asks for more budget when paused for it', async () => {
    const paused = { ...base, status: 'waiting_approval' as const, budgetUsd: 1,
      blockedReason: { code: 'budget_reached', message: 'Spent $1.20 of the $1.00 budget.', action: 'Approve more.' } };
    const approve = vi.fn(async () => ({ ...paused, status: 'running' as const, blockedReason: null }));
    render(<WorkflowDetail id="wf-1" client={client({ get: vi.fn(async () => paused), approve })} />);
    await waitFor(() => screen.getByTestId('workflow-approve'));
    fireEvent.change(screen.getByTestId('workflow-extra-usd'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('workflow-approve'));
    await waitFor(() => expect(approve).toHaveBeenCalledWith('wf-1', 3));
  });

  it('lists the worklogs', async () => {
    render(<WorkflowDetail id="wf-1" client={client()} initialTab="worklogs" />);
    await waitFor(() => expect(screen.getByTestId('worklog').textContent).toContain('cycle-1-review'));
  });
});

describe('NewWorkflowForm', () => {
  it('sends only what was filled in', () => {
    expect(toNewWorkflow({ task: 't', title: ' ', workDir: '/r', implementerModel: '', reviewerModel: 'codex', maxCycles: '3',
      useWorktree: true, maxCostUsd: '', approvePlan: true, implementTurns: '20' })).toEqual({
      task: 't', workDir: '/r', reviewerModel: 'codex', maxCycles: 3, useWorktree: true, approvePlan: true,
      stopModes: { implement: { mode: 'turns', value: 20 } },
    });
  });

  it('shows the server refusal at its field', async () => {
    const submit = vi.fn(async () => { throw new ApiError(400, 'must be between 1 and 50, was 99', 'maxCycles', 'bad_request'); });
    render(<NewWorkflowForm onCreated={() => {}} onCancel={() => {}} submit={submit} />);
    fireEvent.click(screen.getByTestId('workflow-submit'));
    expect(screen.getByTestId('workflow-field-error-task').textContent).toBe('is required');
    fireEvent.change(screen.getByTestId('workflow-field-task'), { target: { value: 'Do it' } });
    fireEvent.click(screen.getByTestId('workflow-submit'));
    await waitFor(() => expect(screen.getByTestId('workflow-field-error-maxCycles').textContent).toContain('between 1 and 50'));
  });
});

import { describe, expect, it } from 'vitest';
import type { LiveWorkflow, Question } from '../../api/types';
import { initialState, type LiveState } from '../../live/store';
import { job, run } from '../../live/testRows';
import { newNeeds, pendingQuestionNeeds, standingNeeds, titleWithCount } from './needsYou';

const T = '2026-11-20T10:00:00Z';

function state(parts: Partial<LiveState>): LiveState {
  return { ...initialState, hasSnapshot: true, ...parts };
}

const question = (id: string, jobId: string, status: Question['status']): Question => ({
  id, runId: 'r1', jobId, question: 'Which branch?', status, createdAt: T, answer: null, answeredAt: null,
});

describe('what needs the person', () => {
  it('raises a newly asked question, once, and opens its job', () => {
    const before = state({ jobs: { j1: job('j1', 'running', T) } });
    const after = state({ jobs: before.jobs, questions: { q1: question('q1', 'j1', 'pending') } });

    const needs = newNeeds(before, after);
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ kind: 'question', jobId: 'j1', path: '/jobs/j1', body: 'Which branch?' });
    expect(newNeeds(after, after)).toEqual([]);
  });

  it('raises a job that moves to failed, not one that was failed already', () => {
    const before = state({ jobs: { j1: job('j1', 'running', T), j2: job('j2', 'failed', T) } });
    const after = state({ jobs: { j1: { ...job('j1', 'failed', T), statusReason: 'tests fail' }, j2: job('j2', 'failed', T) } });

    expect(newNeeds(before, after).map((n) => [n.kind, n.jobId, n.body])).toEqual([['failed', 'j1', 'tests fail']]);
  });

  it('raises a flagged run that ends, and ignores unflagged ones', () => {
    const flaggedJob = { ...job('j1', 'running', T), flagged: true };
    const before = state({ jobs: { j1: flaggedJob, j2: job('j2', 'running', T) }, runs: { r1: run('r1', 'j1', 'running', T), r2: run('r2', 'j2', 'running', T) } });
    const after = state({ jobs: before.jobs, runs: { r1: run('r1', 'j1', 'done', T), r2: run('r2', 'j2', 'done', T) } });

    expect(newNeeds(before, after).map((n) => [n.kind, n.jobId])).toEqual([['flagged', 'j1']]);
  });

  it('raises nothing for what the first snapshot held, but counts its pending questions', () => {
    const loaded = state({ questions: { q1: question('q1', 'j1', 'pending'), q2: question('q2', 'j1', 'answered') } });

    expect(newNeeds({ ...initialState }, loaded)).toEqual([]);
    expect(pendingQuestionNeeds(loaded).map((n) => n.id)).toEqual(['question:q1']);
    expect(titleWithCount('autodev', 2)).toBe('(2) autodev');
    expect(titleWithCount('autodev', 0)).toBe('autodev');
  });

  const workflow = (id: string, status: LiveWorkflow['status'], updatedAt = T): LiveWorkflow => ({
    id, title: 'Ship the parser', status, updatedAt,
    blockedReason: status === 'running' ? null : { code: 'phase_failed', message: 'The review failed twice.', action: 'Resume or cancel it.' },
  });

  it('raises a workflow that blocks or waits for approval, opens it, and raises it again when it blocks anew', () => {
    const before = state({ workflows: { w1: workflow('w1', 'running'), w2: workflow('w2', 'running') } });
    const after = state({ workflows: { w1: workflow('w1', 'blocked', '2026-11-20T10:05:00Z'), w2: workflow('w2', 'waiting_approval') } });

    const needs = newNeeds(before, after);
    expect(needs.map((n) => [n.kind, n.path, n.jobId])).toEqual([
      ['blocked', '/workflows/w1', null],
      ['blocked', '/workflows/w2', null],
    ]);
    expect(needs[0].title).toBe('Workflow blocked: Ship the parser');
    expect(needs[0].body).toBe('The review failed twice. Resume or cancel it.');
    expect(needs[1].title).toBe('Workflow waits for your approval: Ship the parser');
    expect(newNeeds(after, after)).toEqual([]);
    // Resumed, then blocked again later: news again.
    const resumed = state({ workflows: { ...after.workflows, w1: workflow('w1', 'running', '2026-11-20T10:06:00Z') } });
    const again = state({ workflows: { ...after.workflows, w1: workflow('w1', 'blocked', '2026-11-20T10:09:00Z') } });
    expect(newNeeds(resumed, again).map((n) => n.id)).toEqual(['blocked:w1:2026-11-20T10:09:00Z']);
  });

  it('counts every waiting workflow as long as it waits, the ones of the first snapshot too, unless turned off', () => {
    const loaded = state({ workflows: { w1: workflow('w1', 'blocked'), w2: workflow('w2', 'running') }, questions: { q1: question('q1', 'j1', 'pending') } });
    const all = { question: true, blocked: true, failed: true, flagged: true };

    expect(newNeeds({ ...initialState }, loaded)).toEqual([]);
    expect(standingNeeds(loaded, all).map((n) => n.id)).toEqual(['question:q1', `blocked:w1:${T}`]);
    expect(standingNeeds(loaded, { ...all, blocked: false }).map((n) => n.kind)).toEqual(['question']);
  });
});

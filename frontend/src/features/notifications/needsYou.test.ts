import { describe, expect, it } from 'vitest';
import type { Question } from '../../api/types';
import { initialState, type LiveState } from '../../live/store';
import { job, run } from '../../live/testRows';
import { newNeeds, pendingQuestionNeeds, titleWithCount } from './needsYou';

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
});

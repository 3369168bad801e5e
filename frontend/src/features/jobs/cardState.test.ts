import { describe, expect, it } from 'vitest';
import type { AgentRun, Job } from '../../api/types';
import { cardState } from './cardState';

const job = (status: Job['status']) => ({ status }) as Job;
const run = (status: AgentRun['status'], sessionId: string | null = 's') => ({ status, sessionId }) as AgentRun;

describe('cardState', () => {
  it('colours a card by what needs attention', () => {
    expect(cardState(job('running'), run('starting'), false)).toBe('running');
    expect(cardState(job('running'), run('waiting_user'), false)).toBe('waiting');
    expect(cardState(job('running'), run('idle'), false)).toBe('idle'); // an interactive session at its prompt: blue
    expect(cardState(job('done'), run('done'), true)).toBe('unread');
    expect(cardState(job('done'), run('done'), false)).toBe('idle');
    expect(cardState(job('done'), run('done', null), false)).toBe('done');
    expect(cardState(job('failed'), run('failed'), false)).toBe('dim');
    expect(cardState(job('cancelled'), undefined, false)).toBe('dim');
    expect(cardState(job('queued'), undefined, false)).toBe('queued');
  });
});

import { describe, expect, it } from 'vitest';
import type { AgentEvent, AgentRun, Job, LiveFrame, Snapshot } from '../api/types';
import { healthWarningsOf, initialState, latestRun, liveReducer, type LiveState } from './store';
import { job, run } from './testRows';

const event = (runId: string, seq: number): AgentEvent => ({
  runId,
  seq,
  type: 'assistant_text',
  text: `e${seq}`,
  data: null,
  createdAt: '2026-01-01T00:00:00Z',
});

const snapshot = (version: number, jobs: Job[], runs: AgentRun[] = []): Snapshot => ({
  version,
  jobs,
  totalJobs: jobs.length,
  runs,
  pendingQuestions: [],
  locks: [],
  settings: { maxConcurrentAgents: 20 },
});

const frame = (version: number, messages: LiveFrame['messages']): LiveFrame => ({ version, messages });

function loaded(): LiveState {
  return liveReducer(initialState, {
    type: 'snapshot',
    snapshot: snapshot(5, [job('a', 'running', '2026-01-01T00:00:01Z')], [run('r1', 'a', 'running', '2026-01-01T00:00:02Z')]),
  });
}

describe('liveReducer', () => {
  it('counts what the feed says changed outside the snapshot: debates, workflows, notes, even from a stale frame', () => {
    const debate = { id: 'd1', status: 'debating', updatedAt: '2026-01-01T00:00:00Z' };
    let state = liveReducer(loaded(), { type: 'frame', frame: frame(6, [{ type: 'debate', debate }]) });
    expect(state.touched['debate:d1']).toBeGreaterThan(0);
    const once = state.touched['debate:d1'];
    const any = state.touched['debate:*'];
    state = liveReducer(state, { type: 'frame', frame: frame(4, [{ type: 'debate', debate }]) });
    expect(state.touched['debate:d1']).toBeGreaterThan(once);
    expect(state.touched['debate:*']).toBeGreaterThan(any);
    state = liveReducer(state, {
      type: 'frame',
      frame: frame(7, [
        { type: 'workflow', workflow: { id: 'w1', title: 'W', status: 'running', blockedReason: null, updatedAt: '' } },
        { type: 'note', note: { key: 'workflow/w1/plan', value: '- [ ] M1', writtenByRunId: null, updatedAt: '' } },
      ]),
    });
    expect(state.touched['workflow:w1']).toBeGreaterThan(0);
    expect(state.touched['workflow:*']).toBeGreaterThan(0);
    expect(state.touched['note:workflow/w1/plan']).toBeGreaterThan(0);
    expect(state.touched['debate:d1']).toBe(liveReducer(state, { type: 'frame', frame: frame(8, []) }).touched['debate:d1']);
  });

  it('loads a snapshot and orders jobs newest first', () => {
    const state = liveReducer(initialState, {
      type: 'snapshot',
      snapshot: snapshot(3, [job('old', 'done', '2026-01-01T00:00:00Z'), job('new', 'queued', '2026-01-02T00:00:00Z')]),
    });
    expect(state.hasSnapshot).toBe(true);
    expect(state.version).toBe(3);
    expect(state.jobOrder).toEqual(['new', 'old']);
    expect(state.settings?.maxConcurrentAgents).toBe(20);
  });

  it('applies a frame: a new job goes first, a run joins its job', () => {
    const state = liveReducer(loaded(), {
      type: 'frame',
      frame: frame(6, [
        { type: 'job', job: job('b', 'queued', '2026-01-03T00:00:00Z') },
        { type: 'run', run: run('r2', 'a', 'starting', '2026-01-01T00:00:09Z') },
      ]),
    });
    expect(state.jobOrder).toEqual(['b', 'a']);
    expect(state.totalJobs).toBe(2);
    expect(latestRun(state, 'a')?.id).toBe('r2');
    expect(state.version).toBe(6);
  });

  it('keeps the workflows waiting for a person from the snapshot, and workflows the feed tells of', () => {
    const blocked = { id: 'w1', title: 'W', status: 'blocked' as const, blockedReason: { code: 'c', message: 'm', action: 'a' }, updatedAt: '2026-01-01T00:00:00Z' };
    const withWaiting = liveReducer(initialState, { type: 'snapshot', snapshot: { ...snapshot(5, []), waitingWorkflows: [blocked] } });
    expect(withWaiting.workflows.w1.status).toBe('blocked');
    const resumed = liveReducer(withWaiting, { type: 'frame', frame: frame(6, [{ type: 'workflow', workflow: { ...blocked, status: 'running', blockedReason: null } }]) });
    expect(resumed.workflows.w1.status).toBe('running');
  });

  it('skips rows of frames the snapshot already contains', () => {
    const state = liveReducer(loaded(), {
      type: 'frame',
      frame: frame(5, [{ type: 'job', job: job('a', 'queued', '2026-01-01T00:00:01Z', '2026-01-01T00:00:00Z') }]),
    });
    expect(state.jobs.a.status).toBe('running');
  });

  it('ignores a job row older than the one it holds', () => {
    const newer = liveReducer(loaded(), {
      type: 'frame',
      frame: frame(6, [{ type: 'job', job: job('a', 'done', '2026-01-01T00:00:01Z', '2026-01-01T00:00:05Z') }]),
    });
    const late = liveReducer(newer, {
      type: 'frame',
      frame: frame(7, [{ type: 'job', job: job('a', 'running', '2026-01-01T00:00:01Z', '2026-01-01T00:00:03Z') }]),
    });
    expect(late.jobs.a.status).toBe('done');
  });

  it('appends streamed output to an open run once, in order', () => {
    let state = liveReducer(loaded(), { type: 'watch', runId: 'r1' });
    state = liveReducer(state, { type: 'outputPage', runId: 'r1', events: [event('r1', 1), event('r1', 2)], complete: true });
    state = liveReducer(state, {
      type: 'frame',
      frame: frame(6, [{ type: 'output', runId: 'r1', events: [event('r1', 2), event('r1', 3)], more: false }]),
    });
    expect(state.output.r1.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(state.output.r1.gap).toBe(false);
    expect(state.latestSeq.r1).toBe(3);
  });

  it('marks a gap instead of appending output that skips ahead', () => {
    let state = liveReducer(loaded(), { type: 'watch', runId: 'r1' });
    state = liveReducer(state, { type: 'outputPage', runId: 'r1', events: [event('r1', 1)], complete: true });
    state = liveReducer(state, {
      type: 'frame',
      frame: frame(6, [{ type: 'output', runId: 'r1', events: [event('r1', 5)], more: false }]),
    });
    expect(state.output.r1.events.map((e) => e.seq)).toEqual([1]);
    expect(state.output.r1.gap).toBe(true);
  });

  it('keeps only the latest seq for runs nobody has open', () => {
    const state = liveReducer(loaded(), {
      type: 'frame',
      frame: frame(6, [{ type: 'output', runId: 'r1', events: [event('r1', 1), event('r1', 2)], more: false }]),
    });
    expect(state.output.r1).toBeUndefined();
    expect(state.latestSeq.r1).toBe(2);
  });

  it('after a reconnect snapshot, open outputs catch up over REST', () => {
    let state = liveReducer(loaded(), { type: 'watch', runId: 'r1' });
    state = liveReducer(state, { type: 'outputPage', runId: 'r1', events: [event('r1', 1)], complete: true });
    state = liveReducer(state, { type: 'snapshot', snapshot: snapshot(9, [job('a', 'done', '2026-01-01T00:00:01Z')]) });
    expect(state.output.r1.gap).toBe(true);
    expect(state.output.r1.events).toHaveLength(1);
    expect(state.version).toBe(9);
  });

  it('keeps a job\'s branch and pull request when a live copy without them arrives', () => {
    let state = liveReducer(initialState, { type: 'job', job: job('a', 'running', '2025-01-01T00:00:00Z') });
    state = liveReducer(state, {
      type: 'job',
      job: { ...job('a', 'running', '2025-01-01T00:00:00Z'), branch: 'autodev/a-x', prUrl: null },
    });
    state = liveReducer(state, { type: 'job', job: job('a', 'done', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z') });
    expect(state.jobs.a.status).toBe('done');
    expect(state.jobs.a.branch).toBe('autodev/a-x');
    state = liveReducer(state, {
      type: 'job',
      job: { ...job('a', 'done', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z'), branch: 'autodev/a-x', prUrl: 'https://pr/1' },
    });
    expect(state.jobs.a.prUrl).toBe('https://pr/1');
  });

  it('holds health warnings of live runs only', () => {
    let state = liveReducer(initialState, { type: 'run', run: run('r1', 'a', 'running', '2025-01-01T00:00:00Z') });
    state = liveReducer(state, {
      type: 'healthWarnings',
      warnings: [{ runId: 'r1', jobId: 'a', warnings: [{ kind: 'stalled', message: 'no output for 12 minutes' }] }],
    });
    expect(healthWarningsOf(state, state.runs.r1).map((w) => w.kind)).toEqual(['stalled']);
    state = liveReducer(state, { type: 'run', run: run('r1', 'a', 'done', '2025-01-01T00:00:00Z') });
    expect(healthWarningsOf(state, state.runs.r1)).toEqual([]);
    state = liveReducer(state, { type: 'runHealth', runId: 'r1', warnings: [] });
    expect(state.healthWarnings).toEqual({});
  });

  it('takes an archived job off the board and brings it back when unarchived', () => {
    let state = liveReducer(initialState, {
      type: 'snapshot',
      snapshot: snapshot(1, [job('a', 'done', '2026-01-01T00:00:01Z'), job('b', 'done', '2026-01-01T00:00:02Z')]),
    });
    const archived = { ...job('a', 'done', '2026-01-01T00:00:01Z', '2026-01-01T00:05:00Z'), archivedAt: '2026-01-01T00:05:00Z' };
    state = liveReducer(state, { type: 'frame', frame: frame(2, [{ type: 'job', job: archived }]) });
    expect(state.jobOrder).toEqual(['b']);
    expect(state.jobs.a).toBeUndefined();
    expect(state.totalJobs).toBe(1);
    const back = { ...archived, archivedAt: null, updatedAt: '2026-01-01T00:06:00Z' };
    state = liveReducer(state, { type: 'frame', frame: frame(3, [{ type: 'job', job: back }]) });
    expect(state.jobOrder).toEqual(['b', 'a']);
    expect(state.totalJobs).toBe(2);
  });

  it('keeps the latest copy of changed knowledge-base entries and counts every change', () => {
    const entry = {
      id: 'k1', title: 'T', content: 'C', tags: [], scope: 'global' as const, project: null, status: 'approved' as const,
      sourceRunId: null, sourceJobId: null, sourceModel: null, createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z', injectedCount: 0, foundCount: 0,
    };
    let state = liveReducer(initialState, { type: 'frame', frame: { version: 1, messages: [{ type: 'kbEntry', entry }] } });
    expect(state.kbEntries.k1?.title).toBe('T');
    state = liveReducer(state, { type: 'frame', frame: { version: 2, messages: [{ type: 'kbEntryRemoved', entryId: 'k1' }] } });
    expect(state.kbEntries.k1).toBeNull();
    expect(state.kbRevision).toBe(2);
  });
});

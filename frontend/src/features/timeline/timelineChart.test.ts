import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../api/types';
import { OUTCOME_COLOURS, timelineBars, timelineOption } from './timelineChart';

const bar = (runId: string, outcome: string, startedAt: string, finishedAt: string | null) => ({
  runId, outcome, failureKind: null, agent: 'claude', model: 'm', startedAt, finishedAt, costUsd: 0.1,
});

const TIMELINE: Timeline = {
  from: '2026-11-20T00:00:00Z',
  to: '2026-11-20T12:00:00Z',
  runCount: 3,
  truncated: false,
  rows: [
    { jobId: 'a', title: 'Build', jobStatus: 'done', runs: [bar('r1', 'failed', '2026-11-20T01:00:00Z', '2026-11-20T02:00:00Z'), bar('r2', 'done', '2026-11-20T03:00:00Z', '2026-11-20T04:00:00Z')] },
    { jobId: 'b', title: 'Test', jobStatus: 'running', runs: [bar('r3', 'running', '2026-11-20T05:00:00Z', null)] },
  ],
};

describe('timeline chart', () => {
  it('draws one bar per run on its job row, coloured by outcome; an active run reaches to now', () => {
    const now = Date.parse('2026-11-20T06:30:00Z');
    const bars = timelineBars(TIMELINE, now);

    expect(bars.map((b) => [b.value[0], b.jobId, b.itemStyle.color])).toEqual([
      [0, 'a', OUTCOME_COLOURS.failed],
      [0, 'a', OUTCOME_COLOURS.done],
      [1, 'b', OUTCOME_COLOURS.running],
    ]);
    expect(bars[2].value[2]).toBe(now);
  });

  it('has a time axis over the window, one category per job, and zoom and pan on the time axis', () => {
    const option = timelineOption(TIMELINE, Date.parse('2026-11-20T06:30:00Z')) as Record<string, any>;

    expect(option.yAxis.data).toEqual(['a', 'b']);
    expect(option.yAxis.axisLabel.formatter('b')).toBe('Test');
    expect(option.xAxis.min).toBe(Date.parse(TIMELINE.from));
    expect(option.dataZoom.map((z: { type: string }) => z.type)).toEqual(['inside', 'slider']);
  });
});

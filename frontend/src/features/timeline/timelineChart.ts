import { graphic } from 'echarts/core';
import type { Timeline, TimelineBar } from '../../api/types';
import type { ChartOption } from '../common/Chart';

/** Bar colours by how a run ended (or where it is). */
export const OUTCOME_COLOURS: Record<string, string> = {
  done: '#2f9e44',
  failed: '#e03131',
  cancelled: '#868e96',
  running: '#1c7ed6',
  starting: '#74c0fc',
  waiting_user: '#f59f00',
};

/** Rows shown at once; the rest scroll with the slider at the right. */
export const VISIBLE_ROWS = 25;

export interface BarDatum {
  value: [number, number, number];
  itemStyle: { color: string };
  jobId: string;
  run: TimelineBar;
  title: string;
}

/** One bar per run: [row, start, end]; an active run reaches to `now`. */
export function timelineBars(timeline: Timeline, now: number): BarDatum[] {
  const bars: BarDatum[] = [];
  timeline.rows.forEach((row, index) => {
    for (const run of row.runs) {
      const start = Date.parse(run.startedAt);
      const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
      bars.push({
        value: [index, start, Math.max(end, start)],
        itemStyle: { color: OUTCOME_COLOURS[run.outcome] ?? '#adb5bd' },
        jobId: row.jobId,
        run,
        title: row.title,
      });
    }
  });
  return bars;
}

type RenderApi = { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[]; style: () => object };
type RenderParams = { coordSys: { x: number; y: number; width: number; height: number } };

/** A Gantt chart: a time axis, one category per job, a custom series drawing each run as a bar. */
export function timelineOption(timeline: Timeline, now: number): ChartOption {
  // Categories are job ids (titles repeat); the labels show titles, and a click on one opens its job.
  const ids = timeline.rows.map((r) => r.jobId);
  const titles = Object.fromEntries(timeline.rows.map((r) => [r.jobId, r.title]));
  const labels = ids;
  const many = labels.length > VISIBLE_ROWS;
  return {
    animation: false,
    grid: { left: 8, right: many ? 36 : 12, top: 12, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (p: { data: BarDatum }) => {
        const { run, title } = p.data;
        const end = run.finishedAt ? new Date(run.finishedAt).toLocaleString() : 'now';
        const why = run.failureKind ? ` (${run.failureKind})` : '';
        return `<b>${escape(title)}</b><br/>${run.outcome}${why} · ${run.agent} ${escape(run.model)}<br/>`
          + `${new Date(run.startedAt).toLocaleString()} → ${end}<br/>$${run.costUsd.toFixed(4)}`;
      },
    },
    xAxis: { type: 'time', min: Date.parse(timeline.from), max: Math.max(Date.parse(timeline.to), now) },
    yAxis: {
      type: 'category',
      data: ids,
      inverse: true,
      triggerEvent: true,
      axisLabel: { width: 160, overflow: 'truncate', formatter: (id: string) => titles[id] ?? id },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 18, bottom: 8 },
      ...(many ? [{ type: 'slider', yAxisIndex: 0, filterMode: 'weakFilter', width: 14, right: 6, startValue: 0, endValue: VISIBLE_ROWS - 1 }] : []),
    ],
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: timelineBars(timeline, now),
        renderItem: (params: RenderParams, api: RenderApi) => {
          const row = api.value(0);
          const start = api.coord([api.value(1), row]);
          const end = api.coord([api.value(2), row]);
          const height = api.size([0, 1])[1] * 0.6;
          const shape = graphic.clipRectByRect(
            { x: start[0], y: start[1] - height / 2, width: Math.max(3, end[0] - start[0]), height },
            params.coordSys,
          );
          return shape && { type: 'rect', transition: ['shape'], shape, style: api.style() };
        },
      },
    ],
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

import type { UsageBucket, UsageLine } from '../../api/types';
import type { ChartOption } from '../common/Chart';

/** A bar per bucket, the reported part and the estimated part stacked, so estimates never pass for measurements. */
export function spendBars(labels: string[], rows: { costUsd: number; estimatedCostUsd: number }[]): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['reported', 'estimated'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `$${v.toFixed(4)}` },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `$${v}` } },
    series: [
      { name: 'reported', type: 'bar', stack: 'cost', color: '#1c7ed6', data: rows.map((r) => round(r.costUsd - r.estimatedCostUsd)) },
      { name: 'estimated', type: 'bar', stack: 'cost', color: '#f59f00', data: rows.map((r) => round(r.estimatedCostUsd)) },
    ],
  };
}

/** Tokens in and out per bucket, side by side. */
export function tokenBars(labels: string[], rows: { inputTokens: number; outputTokens: number }[]): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['input', 'output'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series: [
      { name: 'input', type: 'bar', color: '#4c6ef5', data: rows.map((r) => r.inputTokens) },
      { name: 'output', type: 'bar', color: '#12b886', data: rows.map((r) => r.outputTokens) },
    ],
  };
}

export const dayLabels = (days: UsageBucket[]) => days.map((d) => d.key ?? '');
/** A project's or template's buckets by name; the bucket of runs outside any is called `none`. */
export const bucketLabels = (buckets: UsageBucket[], none: string) => buckets.map((b) => b.name ?? b.key ?? none);
/** Whether any spend belongs to a project (or template) at all, rather than only to jobs outside one. */
export const hasNamed = (buckets: UsageBucket[]) => buckets.some((b) => b.key != null);
export const modelLabels = (lines: UsageLine[]) => lines.map((l) => `${l.model ?? l.agent}`);
export const agentLabels = (lines: UsageLine[]) => lines.map((l) => `${l.agent} (${l.provider})`);

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

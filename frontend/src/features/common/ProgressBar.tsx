/** How far along: `done` of `total`, with a label ("3 / 8 tasks" by default). */
export function ProgressBar({ done, total, label, testId }: { done: number; total: number; label?: string; testId?: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-label">{label ?? `${done} / ${total}`}</span>
    </div>
  );
}

import type { HTMLAttributes, ReactNode } from 'react';

/** A badge's colour, by meaning rather than hue. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'running';

type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: Tone; children?: ReactNode };

/** A small label: a status, a count, a kind. */
export function Badge({ tone = 'neutral', className, children, ...rest }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}${className ? ` ${className}` : ''}`} data-tone={tone} {...rest}>
      {children}
    </span>
  );
}

/** The tone of the statuses jobs, runs, workflows, debates and proposals share; extend per panel with `tones`. */
export const STATUS_TONES: Record<string, Tone> = {
  queued: 'neutral',
  pending: 'neutral',
  draft: 'neutral',
  scheduled: 'neutral',
  starting: 'running',
  running: 'running',
  active: 'running',
  in_progress: 'running',
  waiting_user: 'warning',
  waiting: 'warning',
  paused: 'warning',
  blocked: 'warning',
  idle: 'info',
  open: 'info',
  review: 'info',
  done: 'success',
  completed: 'success',
  succeeded: 'success',
  approved: 'success',
  merged: 'success',
  failed: 'danger',
  error: 'danger',
  rejected: 'danger',
  cancelled: 'neutral',
  stopped: 'neutral',
};

/** The tone for a status: `tones` first, then the shared table, else neutral. */
export function toneOf(status: string, tones?: Record<string, Tone>): Tone {
  return tones?.[status] ?? STATUS_TONES[status] ?? 'neutral';
}

type StatusBadgeProps = Omit<BadgeProps, 'tone'> & {
  status: string;
  /** Extra or overriding status → tone pairs for this panel's lifecycle. */
  tones?: Record<string, Tone>;
  /** The text shown; the status with spaces for underscores by default. */
  label?: ReactNode;
};

/** A status as a coloured badge; `data-status` carries the raw value for tests. */
export function StatusBadge({ status, tones, label, ...rest }: StatusBadgeProps) {
  return (
    <Badge tone={toneOf(status, tones)} data-status={status} {...rest}>
      {label ?? status.replace(/_/g, ' ')}
    </Badge>
  );
}

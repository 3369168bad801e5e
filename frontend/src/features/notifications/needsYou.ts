import type { LiveState } from '../../live/store';

/** What an agent or job can need a person for. */
export type NeedKind = 'question' | 'failed' | 'flagged';

export const NEED_KINDS: { kind: NeedKind; label: string }[] = [
  { kind: 'question', label: 'An agent asks a question' },
  { kind: 'failed', label: 'A job or workflow blocks or fails' },
  { kind: 'flagged', label: 'A run I flagged finishes' },
];

/** One thing that needs the person, with where to go for it. */
export interface Need {
  /** Stable per cause, so the same question or failure is raised once. */
  id: string;
  kind: NeedKind;
  jobId: string;
  title: string;
  body: string;
  /** The panel that deals with it. */
  path: string;
}

const STUCK = new Set(['failed', 'blocked']);
const ENDED = new Set(['done', 'failed', 'cancelled']);

const jobPath = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`;

/**
 * What needs the person now that did not before: questions newly pending, jobs that moved to failed or blocked,
 * flagged runs that ended. Nothing is raised for what the first snapshot already held (the person saw the board
 * when they opened it); pending questions there still count (see {@link pendingQuestionNeeds}).
 */
export function newNeeds(prev: LiveState | null, next: LiveState): Need[] {
  if (!prev || !prev.hasSnapshot || !next.hasSnapshot) return [];
  const needs: Need[] = [];
  for (const q of Object.values(next.questions)) {
    if (q.status !== 'pending' || prev.questions[q.id]?.status === 'pending') continue;
    needs.push(questionNeed(next, q.id));
  }
  for (const job of Object.values(next.jobs)) {
    const before = prev.jobs[job.id];
    if (!STUCK.has(job.status) || (before && before.status === job.status)) continue;
    if (!before) continue; // a job first seen already failed is history, not news
    needs.push({
      id: `failed:${job.id}:${job.updatedAt}`,
      kind: 'failed',
      jobId: job.id,
      title: `Job ${job.status}: ${job.title}`,
      body: job.statusReason ?? `The job is ${job.status}.`,
      path: jobPath(job.id),
    });
  }
  for (const run of Object.values(next.runs)) {
    const before = prev.runs[run.id];
    if (!before || !ENDED.has(run.status) || ENDED.has(before.status)) continue;
    // The flag is the job's (a run of a flagged job is a flagged run); the job's state at the run's end decides.
    if (!next.jobs[run.jobId]?.flagged) continue;
    const title = next.jobs[run.jobId]?.title ?? run.jobId;
    needs.push({
      id: `flagged:${run.id}`,
      kind: 'flagged',
      jobId: run.jobId,
      title: `Flagged run ${run.status}: ${title}`,
      body: run.resultText ?? run.errorMessage ?? `The run ended ${run.status}.`,
      path: jobPath(run.jobId),
    });
  }
  return needs;
}

/** Every pending question as a need: what the tab title counts even when it was pending before the page opened. */
export function pendingQuestionNeeds(state: LiveState): Need[] {
  return Object.values(state.questions)
    .filter((q) => q.status === 'pending')
    .map((q) => questionNeed(state, q.id));
}

function questionNeed(state: LiveState, questionId: string): Need {
  const q = state.questions[questionId];
  const title = state.jobs[q.jobId]?.title ?? q.jobId;
  return {
    id: `question:${q.id}`,
    kind: 'question',
    jobId: q.jobId,
    title: `Question from ${title}`,
    body: q.question,
    path: jobPath(q.jobId),
  };
}

/** The tab's title with the count in front, as mail clients do: "(3) autodev". */
export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}

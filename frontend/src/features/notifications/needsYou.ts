import type { LiveWorkflow } from '../../api/types';
import type { LiveState } from '../../live/store';

/** What an agent, job or workflow can need a person for. */
export type NeedKind = 'question' | 'blocked' | 'failed' | 'flagged';

export const NEED_KINDS: { kind: NeedKind; label: string }[] = [
  { kind: 'question', label: 'An agent asks a question' },
  { kind: 'blocked', label: 'A workflow blocks or waits for my approval' },
  { kind: 'failed', label: 'A job fails' },
  { kind: 'flagged', label: 'A run I flagged finishes' },
];

/** Kinds that last while their cause does (a pending question, a blocked workflow): counted from the live state. */
export const STANDING_KINDS = new Set<NeedKind>(['question', 'blocked']);

/** One thing that needs the person, with where to go for it. */
export interface Need {
  /** Stable per cause, so the same question or failure is raised once. */
  id: string;
  kind: NeedKind;
  /** The job it is about; null for a workflow's need. */
  jobId: string | null;
  title: string;
  body: string;
  /** The panel that deals with it. */
  path: string;
}

/** A workflow in one of these waits for a person: resume or cancel it, or approve its plan or budget. */
const WAITING = new Set(['blocked', 'waiting_approval']);
const ENDED = new Set(['done', 'failed', 'cancelled']);

const jobPath = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`;

/**
 * What needs the person now that did not before: questions newly pending, workflows that blocked or paused for
 * approval, jobs that moved to failed, flagged runs that ended. Nothing is raised for what the first snapshot already held (the person saw the board
 * when they opened it); pending questions there still count (see {@link pendingQuestionNeeds}).
 */
export function newNeeds(prev: LiveState | null, next: LiveState): Need[] {
  if (!prev || !prev.hasSnapshot || !next.hasSnapshot) return [];
  const needs: Need[] = [];
  for (const q of Object.values(next.questions)) {
    if (q.status !== 'pending' || prev.questions[q.id]?.status === 'pending') continue;
    needs.push(questionNeed(next, q.id));
  }
  for (const wf of Object.values(next.workflows)) {
    if (!WAITING.has(wf.status) || prev.workflows[wf.id]?.status === wf.status) continue;
    needs.push(workflowNeed(wf));
  }
  for (const job of Object.values(next.jobs)) {
    const before = prev.jobs[job.id];
    if (job.status !== 'failed' || (before && before.status === job.status)) continue;
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

/** Every workflow waiting for a person as a need: counted and listed for as long as it waits. */
export function waitingWorkflowNeeds(state: LiveState): Need[] {
  return Object.values(state.workflows)
    .filter((w) => WAITING.has(w.status))
    .map(workflowNeed);
}

/** What stands until it is dealt with (questions, waiting workflows), in the kinds the person wants. */
export function standingNeeds(state: LiveState, kinds: Record<NeedKind, boolean>): Need[] {
  return [...(kinds.question ? pendingQuestionNeeds(state) : []), ...(kinds.blocked ? waitingWorkflowNeeds(state) : [])];
}

function workflowNeed(wf: LiveWorkflow): Need {
  const blocked = wf.status === 'blocked';
  return {
    // Per pause: a workflow that blocks again after a resume is news again.
    id: `blocked:${wf.id}:${wf.updatedAt}`,
    kind: 'blocked',
    jobId: null,
    title: `${blocked ? 'Workflow blocked' : 'Workflow waits for your approval'}: ${wf.title}`,
    body: wf.blockedReason ? `${wf.blockedReason.message} ${wf.blockedReason.action}` : `The workflow is ${wf.status.replace('_', ' ')}.`,
    path: `/workflows/${encodeURIComponent(wf.id)}`,
  };
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

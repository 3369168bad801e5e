import type {
  AgentEvent,
  AgentRun,
  FileLock,
  HealthWarning,
  Job,
  KbEntry,
  LiveFrame,
  LiveWorkflow,
  Note,
  Question,
  RunWarnings,
  Settings,
  Snapshot,
} from '../api/types';

export type Connection = 'connecting' | 'live' | 'offline';

/** The output of one run the dashboard has open: events in seq order, and whether some are missing. */
export interface RunOutput {
  events: AgentEvent[];
  lastSeq: number;
  /** True when live events skipped ahead of what was read, or the server said there were more: read over REST. */
  gap: boolean;
  loaded: boolean;
}

export interface LiveState {
  connection: Connection;
  /** The last frame applied (or the snapshot's version); frames numbered at or below it are already contained. */
  version: number;
  hasSnapshot: boolean;
  jobs: Record<string, Job>;
  /** Job ids, newest first. */
  jobOrder: string[];
  totalJobs: number;
  runs: Record<string, AgentRun>;
  /** Run ids per job, oldest first. */
  runsByJob: Record<string, string[]>;
  questions: Record<string, Question>;
  /** Workflows as the feed last told them: those waiting for a person at the snapshot, and any that changed since. */
  workflows: Record<string, LiveWorkflow>;
  locks: FileLock[];
  notes: Record<string, Note> | null;
  settings: Settings | null;
  /** Output of runs someone is looking at. */
  output: Record<string, RunOutput>;
  /** The highest output seq seen live per run, open or not. */
  latestSeq: Record<string, number>;
  /** Health warnings of live runs, by run id, from GET /api/health/warnings (polled) or GET /api/agents/{id}. */
  healthWarnings: Record<string, HealthWarning[]>;
  /**
   * What the live feed said changed among the things the snapshot leaves out, by key (`debate:<id>`,
   * `workflow:<id>`, `note:<key>`, and `debate:*`, `workflow:*` for any of a kind): the version of the frame that
   * said so. Views that read their own endpoint (debates, workflows) read it again when their keys move.
   */
  touched: Record<string, number>;
  /**
   * Knowledge-base entries as the last live frames sent them (null: removed), and a counter that moves with every
   * such change, so the KB panel can patch what it shows and read its list again when entries come or go.
   */
  kbEntries: Record<string, KbEntry | null>;
  kbRevision: number;
}

export const initialState: LiveState = {
  connection: 'connecting',
  version: -1,
  hasSnapshot: false,
  jobs: {},
  jobOrder: [],
  totalJobs: 0,
  runs: {},
  runsByJob: {},
  questions: {},
  workflows: {},
  locks: [],
  notes: null,
  settings: null,
  output: {},
  latestSeq: {},
  healthWarnings: {},
  touched: {},
  kbEntries: {},
  kbRevision: 0,
};

export type LiveAction =
  | { type: 'connection'; connection: Connection }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Jobs older than any held, read on request: they extend the board without counting as new jobs. */
  | { type: 'olderJobs'; jobs: Job[]; runs: AgentRun[] }
  | { type: 'frame'; frame: LiveFrame }
  | { type: 'job'; job: Job }
  | { type: 'run'; run: AgentRun }
  | { type: 'question'; question: Question }
  | { type: 'notes'; notes: Note[] }
  | { type: 'locks'; locks: FileLock[] }
  | { type: 'settings'; settings: Settings }
  | { type: 'watch'; runId: string }
  | { type: 'outputPage'; runId: string; events: AgentEvent[]; complete: boolean }
  /** Every active run's warnings: replaces what was known. */
  | { type: 'healthWarnings'; warnings: RunWarnings[] }
  /** One run's warnings, as GET /api/agents/{id} told them. */
  | { type: 'runHealth'; runId: string; warnings: HealthWarning[] };

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case 'snapshot':
      return applySnapshot(state, action.snapshot);
    case 'frame':
      return applyFrame(state, action.frame);
    case 'olderJobs': {
      const withRuns = upsertRuns(state, action.runs);
      const jobs = { ...withRuns.jobs };
      for (const job of action.jobs) if (!jobs[job.id]) jobs[job.id] = job;
      return { ...withRuns, jobs, jobOrder: sortJobIds(jobs) };
    }
    case 'job':
      return upsertJobs(state, [action.job]);
    case 'run':
      return upsertRuns(state, [action.run]);
    case 'question':
      return { ...state, questions: { ...state.questions, [action.question.id]: action.question } };
    case 'notes':
      return { ...state, notes: Object.fromEntries(action.notes.map((n) => [n.key, n])) };
    case 'locks':
      return { ...state, locks: action.locks };
    case 'settings':
      return { ...state, settings: action.settings };
    case 'watch':
      if (state.output[action.runId]) return state;
      return {
        ...state,
        output: { ...state.output, [action.runId]: { events: [], lastSeq: 0, gap: true, loaded: false } },
      };
    case 'outputPage':
      return appendOutput(state, action.runId, action.events, !action.complete, action.complete);
    case 'healthWarnings': {
      const healthWarnings: Record<string, HealthWarning[]> = {};
      for (const w of action.warnings) if (w.warnings.length) healthWarnings[w.runId] = w.warnings;
      return { ...state, healthWarnings };
    }
    case 'runHealth': {
      const healthWarnings = { ...state.healthWarnings };
      if (action.warnings.length) healthWarnings[action.runId] = action.warnings;
      else delete healthWarnings[action.runId];
      return { ...state, healthWarnings };
    }
  }
}

function applySnapshot(state: LiveState, snapshot: Snapshot): LiveState {
  const jobs: Record<string, Job> = {};
  for (const job of snapshot.jobs) jobs[job.id] = withWorktree(job, state.jobs[job.id]);
  const runs: Record<string, AgentRun> = {};
  for (const run of snapshot.runs) runs[run.id] = run;
  const questions: Record<string, Question> = {};
  for (const q of snapshot.pendingQuestions) questions[q.id] = q;
  const workflows: Record<string, LiveWorkflow> = {};
  for (const w of snapshot.waitingWorkflows ?? []) workflows[w.id] = w;
  // Open outputs may have missed events while disconnected: mark them for a catch-up read.
  const output: Record<string, RunOutput> = {};
  for (const [runId, out] of Object.entries(state.output)) output[runId] = { ...out, gap: true };
  return {
    ...state,
    version: Math.max(state.version, snapshot.version),
    hasSnapshot: true,
    jobs,
    jobOrder: sortJobIds(jobs),
    totalJobs: snapshot.totalJobs,
    runs,
    runsByJob: groupRuns(runs),
    questions,
    workflows,
    locks: snapshot.locks,
    settings: snapshot.settings,
    output,
    // Entries may have changed while the connection was down: the KB panel reads its list again.
    kbRevision: state.kbRevision + 1,
  };
}

function applyFrame(state: LiveState, frame: LiveFrame): LiveState {
  // A frame at or below the version we hold was read before our snapshot: its rows are older. Output is not in
  // snapshots, so its events still count (appending is idempotent by seq).
  const stale = frame.version <= state.version;
  let next = state;
  const jobs: Job[] = [];
  const runs: AgentRun[] = [];
  for (const message of frame.messages) {
    switch (message.type) {
      case 'job':
        if (!stale) jobs.push(message.job);
        break;
      case 'run':
        if (!stale) runs.push(message.run);
        break;
      case 'question':
        if (!stale) next = { ...next, questions: { ...next.questions, [message.question.id]: message.question } };
        break;
      case 'locks':
        if (!stale) next = { ...next, locks: message.locks };
        break;
      case 'note':
        if (!stale && next.notes) next = { ...next, notes: { ...next.notes, [message.note.key]: message.note } };
        break;
      case 'settings':
        if (!stale) next = { ...next, settings: message.settings };
        break;
      case 'output':
        next = appendOutput(next, message.runId, message.events, message.more, false);
        break;
      // Not in snapshots, so even a stale frame's word is news to a view that read its endpoint before it.
      case 'debate':
        next = touch(next, frame.version, `debate:${message.debate.id}`, 'debate:*');
        break;
      case 'workflow':
        // Kept for "needs you" (the snapshot carries the workflows waiting for a person) and counted for the views.
        if (!stale) next = { ...next, workflows: { ...next.workflows, [message.workflow.id]: message.workflow } };
        next = touch(next, frame.version, `workflow:${message.workflow.id}`, 'workflow:*');
        break;
      // Snapshots hold no entries, so a frame older than the snapshot still tells the panel something changed.
      case 'kbEntry':
        next = { ...next, kbEntries: { ...next.kbEntries, [message.entry.id]: message.entry }, kbRevision: next.kbRevision + 1 };
        break;
      case 'kbEntryRemoved':
        next = { ...next, kbEntries: { ...next.kbEntries, [message.entryId]: null }, kbRevision: next.kbRevision + 1 };
        break;
    }
    if (message.type === 'note') next = touch(next, frame.version, `note:${message.note.key}`);
  }
  if (jobs.length) next = upsertJobs(next, jobs);
  if (runs.length) next = upsertRuns(next, runs);
  if (!stale) next = { ...next, version: frame.version };
  return next;
}

function touch(state: LiveState, version: number, ...keys: string[]): LiveState {
  const touched = { ...state.touched };
  // Counted up rather than set to the frame's version: two stale frames may carry one number.
  for (const key of keys) touched[key] = Math.max((touched[key] ?? 0) + 1, version);
  return { ...state, touched };
}

function upsertJobs(state: LiveState, incoming: Job[]): LiveState {
  const jobs = { ...state.jobs };
  let added = 0;
  let reorder = false;
  for (const job of incoming) {
    const known = jobs[job.id];
    if (job.archivedAt && !(known && known.updatedAt > job.updatedAt)) {
      // Archived: off the board (the archive view reads it over REST); unarchiving sends it back.
      if (known) {
        delete jobs[job.id];
        added--;
        reorder = true;
      }
      continue;
    }
    if (known && known.updatedAt > job.updatedAt) {
      // An older copy arrived late; only its worktree details (which live copies lack) are worth keeping.
      if ((job.branch != null && job.branch !== known.branch) || (job.prUrl != null && job.prUrl !== known.prUrl)) {
        jobs[job.id] = { ...known, branch: job.branch ?? known.branch, prUrl: job.prUrl ?? known.prUrl };
      }
      continue;
    }
    if (!known) added++;
    if (known && known.createdAt !== job.createdAt) reorder = true;
    jobs[job.id] = withWorktree(job, known);
  }
  let jobOrder = state.jobOrder;
  if (added || reorder) jobOrder = sortJobIds(jobs);
  return { ...state, jobs, jobOrder, totalJobs: Math.max(0, state.totalJobs + added) };
}

/**
 * Live frames and snapshots carry plain jobs; only GET /api/jobs/{id} adds the worktree's branch and pull request.
 * A copy without them keeps what was read before.
 */
function withWorktree(job: Job, known: Job | undefined): Job {
  if (!known || (known.branch == null && known.prUrl == null)) return job;
  if (job.branch !== undefined || job.prUrl !== undefined) return job;
  return { ...job, branch: known.branch, prUrl: known.prUrl };
}

function upsertRuns(state: LiveState, incoming: AgentRun[]): LiveState {
  const runs = { ...state.runs };
  const runsByJob = { ...state.runsByJob };
  for (const run of incoming) {
    const isNew = !runs[run.id];
    runs[run.id] = run;
    if (isNew) {
      const list = [...(runsByJob[run.jobId] ?? []), run.id];
      list.sort((a, b) => compareRuns(runs[a], runs[b]));
      runsByJob[run.jobId] = list;
    }
  }
  return { ...state, runs, runsByJob };
}

function appendOutput(state: LiveState, runId: string, events: AgentEvent[], more: boolean, markLoaded: boolean): LiveState {
  const last = events.length ? events[events.length - 1].seq : 0;
  const latestSeq =
    last > (state.latestSeq[runId] ?? 0) ? { ...state.latestSeq, [runId]: last } : state.latestSeq;
  const open = state.output[runId];
  if (!open) return latestSeq === state.latestSeq ? state : { ...state, latestSeq };
  const fresh = events.filter((e) => e.seq > open.lastSeq);
  // Live events that start past what we have mean some were missed; keep them out until REST fills the hole.
  const skipped = fresh.length > 0 && fresh[0].seq > open.lastSeq + 1 && !markLoaded;
  const accepted = skipped ? [] : fresh;
  const lastSeq = accepted.length ? accepted[accepted.length - 1].seq : open.lastSeq;
  const updated: RunOutput = {
    events: accepted.length ? [...open.events, ...accepted] : open.events,
    lastSeq,
    gap: markLoaded ? more : open.gap || skipped || more,
    loaded: open.loaded || markLoaded,
  };
  return { ...state, latestSeq, output: { ...state.output, [runId]: updated } };
}

function sortJobIds(jobs: Record<string, Job>): string[] {
  return Object.values(jobs)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : a.createdAt < b.createdAt ? 1 : -1))
    .map((j) => j.id);
}

function compareRuns(a: AgentRun, b: AgentRun): number {
  return a.startedAt === b.startedAt ? a.id.localeCompare(b.id) : a.startedAt < b.startedAt ? -1 : 1;
}

function groupRuns(runs: Record<string, AgentRun>): Record<string, string[]> {
  const byJob: Record<string, string[]> = {};
  for (const run of Object.values(runs).sort(compareRuns)) (byJob[run.jobId] ??= []).push(run.id);
  return byJob;
}

/** The job's newest run, if the dashboard knows of any. */
export function latestRun(state: LiveState, jobId: string): AgentRun | undefined {
  const ids = state.runsByJob[jobId];
  return ids && ids.length ? state.runs[ids[ids.length - 1]] : undefined;
}

/** A run's health warnings; only live runs have any. */
export function healthWarningsOf(state: LiveState, run: AgentRun | undefined): HealthWarning[] {
  if (!run || !isLive(run)) return NO_WARNINGS;
  return state.healthWarnings[run.id] ?? NO_WARNINGS;
}

const NO_WARNINGS: HealthWarning[] = [];

export function isLive(run: AgentRun): boolean {
  return run.status === 'starting' || run.status === 'running' || run.status === 'waiting_user' || run.status === 'idle';
}

export function pendingQuestionOf(state: LiveState, runId: string | undefined): Question | undefined {
  if (!runId) return undefined;
  return Object.values(state.questions).find((q) => q.runId === runId && q.status === 'pending');
}

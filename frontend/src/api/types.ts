// The server's JSON, as the REST API and the live frames send it.

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
/** `idle`: an interactive session's agent finished its turn and waits at its prompt. */
export type RunStatus = 'starting' | 'running' | 'waiting_user' | 'idle' | 'done' | 'failed' | 'cancelled';
export type StopMode = 'turns' | 'budget' | 'time' | 'completion';
export type RetryPolicy = 'none' | 'same' | 'analyze';
export type FailureKind =
  | 'rate_limit'
  | 'overloaded'
  | 'auth'
  | 'context_overflow'
  | 'cli_crash'
  | 'timeout'
  | 'budget'
  | 'check_failed'
  | 'tool_error'
  | 'cancelled'
  | 'unknown';

export interface Job {
  id: string;
  title: string;
  description: string;
  status: JobStatus;
  statusReason: string | null;
  priority: number;
  model: string;
  workDir: string;
  maxTurns: number | null;
  stopMode: StopMode | null;
  stopValue: number | null;
  context: Record<string, string>;
  scheduledAt: string | null;
  repeatIntervalSeconds: number | null;
  dependsOn: string[];
  parentJobId: string | null;
  retryOfJobId: string | null;
  createdAt: string;
  updatedAt: string;
  useWorktree?: boolean;
  completionChecks?: string[];
  retryPolicy?: RetryPolicy;
  maxRetries?: number;
  attempt?: number;
  /** The template the job was created from (null once that template is deleted). */
  templateId?: string | null;
  /** The project the job belongs to; null when it is in none. */
  projectId?: string | null;
  /** The template's content as it was when the job was created; goes before the description as ## Guidelines. */
  guidelines?: string | null;
  flagged?: boolean;
  /** When the job was archived (off the board); null when it is not. */
  archivedAt?: string | null;
  /** How the model was chosen: given, or rated by the small model when the job was created without one. */
  modelChoice?: ModelChoice;
  /** Runs the agent CLI's own terminal UI in a tmux session, shown in the agent panel's Terminal tab. */
  interactive?: boolean;
  /** Why a queued job has not started yet (dependencies, the agent cap, the interactive sessions cap); null otherwise. */
  queueReason?: string | null;
  /** Only on GET /api/jobs/{id}: the worktree's branch and pull request, when the job has them. */
  branch?: string | null;
  prUrl?: string | null;
}

export interface AgentRun {
  id: string;
  jobId: string;
  status: RunStatus;
  agentKind?: string;
  model?: string;
  pid: number | null;
  sessionId: string | null;
  resumedFromId: string | null;
  statusMessage?: string | null;
  startedAt: string;
  processStartedAt: string | null;
  finishedAt: string | null;
  lastOutputAt?: string | null;
  numTurns: number;
  costUsd: number;
  /** True when the orchestrator priced the tokens itself (Codex). */
  costEstimated?: boolean;
  inputTokens: number;
  outputTokens: number;
  resultText: string | null;
  errorMessage: string | null;
  exitCode: number | null;
  failureKind?: FailureKind | null;
  /** Where its process works (a worktree for a worktree job), once it started. */
  workDir?: string | null;
  /** The commit checked out there when it started. */
  baseCommit?: string | null;
  /** The model provider refused a call and the CLI is retrying it; null once the model answers or the run ends. */
  retrying?: ProviderRetry | null;
}

/** A retry of a refused model call that a live run's CLI is waiting on. */
export interface ProviderRetry {
  /** The provider's HTTP status (429, 529, 401...), or null when the CLI did not name one (Codex after a 5xx). */
  status: number | null;
  /** The CLI's word for the error (e.g. rate_limit), or its message. */
  error: string | null;
  /** Which retry this is, from 1. */
  attempt: number;
  /** How many retries the CLI makes in all, when it says. */
  maxAttempts: number | null;
  /** How long the CLI waits before this retry, when it says (Claude Code does, Codex does not). */
  delayMs: number | null;
  /** When the server read the retry from the CLI's output. */
  at: string;
}

/** stalled, high_turns, long_running, budget_warning or time_warning. */
export interface HealthWarning {
  kind: string;
  message: string;
}

/** GET /api/agents/{id}: the run with its current health warnings. */
export interface RunWithHealth extends AgentRun {
  healthWarnings: HealthWarning[];
}

/** GET /api/health/warnings: one line per active run that has warnings. */
export interface RunWarnings {
  runId: string;
  jobId: string;
  warnings: HealthWarning[];
}

export interface KnownModel {
  id: string;
  /** anthropic (Claude Code) or openai (Codex). */
  provider: string;
  /** claude or codex. */
  agent: string;
}

export interface Models {
  defaultModel: string;
  models: KnownModel[];
}

export interface UsageLine {
  agent: string;
  provider: string;
  model: string | null;
  runs: number;
  costUsd: number;
  /** The part of costUsd the orchestrator estimated from its price table. */
  estimatedCostUsd: number;
  inputTokens: number;
  outputTokens: number;
}

/** Spend in one bucket of a dimension (a UTC day yyyy-mm-dd, a project id, a template id). */
export interface UsageBucket {
  /** Null on the bucket of runs whose job has no project (or no template). */
  key: string | null;
  /** The day, or the project's or template's name; null with a null key. */
  name: string | null;
  runs: number;
  costUsd: number;
  estimatedCostUsd: number;
  inputTokens: number;
  outputTokens: number;
}

/** GET /api/usage?from=&to=: runs that started in the window (both ends optional). */
export interface UsageReport {
  from?: string | null;
  to?: string | null;
  totalCostUsd: number;
  byAgent: UsageLine[];
  byModel: UsageLine[];
  byDay?: UsageBucket[];
  byProject?: UsageBucket[];
  byTemplate?: UsageBucket[];
  /** The system's own small-model calls (triage, classification, consolidation), apart from jobs. */
  system?: SystemSpend;
}

export interface SystemSpend {
  costUsd: number;
  calls: number;
  failedCalls: number;
  byPurpose: { purpose: string; model: string; calls: number; failedCalls: number; costUsd: number; inputTokens: number; outputTokens: number }[];
}

export interface ModelChoice {
  /** explicit (given), pending (being classified), classified, default (classification off or failed). */
  source: 'explicit' | 'pending' | 'classified' | 'default';
  rating: 'simple' | 'medium' | 'complex' | null;
  reason: string | null;
}

export type KbScope = 'project' | 'global';

export interface KbEntry {
  id: string;
  title: string;
  content: string;
  tags: string[];
  scope: KbScope;
  project: string | null;
  status: 'pending' | 'approved';
  sourceRunId: string | null;
  sourceJobId: string | null;
  sourceModel: string | null;
  createdAt: string;
  updatedAt: string;
  injectedCount: number;
  foundCount: number;
}

export interface NewKbEntry {
  title?: string;
  content?: string;
  tags?: string[];
  scope?: KbScope;
  project?: string | null;
}

export interface KbSearchHit {
  entry: KbEntry;
  /** The matched words marked as [[word]]. */
  snippet: string;
  rank: number;
}

/** What an agent reported with report_learnings, and what triage decided. */
export interface Learning {
  id: string;
  runId: string;
  jobId: string;
  model: string | null;
  project: string;
  title: string;
  content: string;
  tags: string[];
  scopeHint: KbScope;
  status: 'reported' | 'triaging' | 'kept' | 'discarded' | 'duplicate';
  reason: string | null;
  entryId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface KbFilter {
  project?: string;
  scope?: string;
  tag?: string;
  status?: string;
}

/** GET /api/search: one matching output event; the snippet is escaped HTML with <mark> around matches. */
export interface SearchHit {
  runId: string;
  seq: number;
  jobId: string;
  jobTitle: string | null;
  type: string;
  createdAt: string;
  snippet: string;
  score: number;
}

export interface SearchResults {
  query: string;
  page: number;
  size: number;
  hasMore: boolean;
  hits: SearchHit[];
  /** How many of the newest matches were ranked at most. */
  rankWindow: number;
  /** More events match than that: the hits are the best of the newest matches only. */
  capped: boolean;
}

export interface SearchParams {
  q: string;
  jobId?: string;
  projectId?: string;
  type?: string;
  from?: string;
  to?: string;
  page?: number;
}

/** GET /api/timeline: one row per job, one bar per run overlapping [from, to). */
export interface TimelineBar {
  runId: string;
  outcome: string;
  failureKind: string | null;
  agent: string;
  model: string;
  startedAt: string;
  /** Null while the run is active. */
  finishedAt: string | null;
  costUsd: number;
}

export interface TimelineRow {
  jobId: string;
  title: string;
  jobStatus: string;
  runs: TimelineBar[];
}

export interface Timeline {
  from: string;
  to: string;
  rows: TimelineRow[];
  runCount: number;
  truncated: boolean;
}

/** GET /api/graph: jobs and their links; edges run from a prerequisite, parent or failed job to what follows it. */
export type GraphEdgeKind = 'dependsOn' | 'parent' | 'retryOf';

export interface GraphNode {
  id: string;
  title: string;
  status: string;
  model: string;
  attempt: number;
  createdAt: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: GraphEdgeKind;
}

export interface JobGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export type EventType =
  | 'system'
  | 'assistant_text'
  | 'thinking'
  | 'tool_use'
  | 'tool_result'
  | 'error'
  | 'result'
  | 'raw';

export interface AgentEvent {
  runId: string;
  seq: number;
  type: EventType | string;
  text: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface OutputPage {
  events: AgentEvent[];
  nextAfter: number;
  total: number;
}

export type QuestionStatus = 'pending' | 'answered' | 'timed_out' | 'cancelled';

export interface Question {
  id: string;
  runId: string;
  jobId: string;
  question: string;
  status: QuestionStatus;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface FileLock {
  id: string;
  path: string;
  directory: boolean;
  runId: string;
  jobId: string;
  reason: string | null;
  acquiredAt: string;
  expiresAt: string;
}

export interface Note {
  key: string;
  value: string;
  writtenByRunId: string | null;
  updatedAt: string;
}

export interface Settings {
  maxConcurrentAgents: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface JobWithRuns extends Job {
  runs: AgentRun[];
  branch: string | null;
  prUrl: string | null;
}

/** run: since the run started; job: since the job's first run started. */
export type ChangesScope = 'run' | 'job';

/** worktree: the job's worktree now; branch: its branch after the worktree was removed; workdir: a shared checkout. */
export type ChangesSource = 'worktree' | 'branch' | 'workdir';

export interface ChangedFile {
  path: string;
  /** The path before a rename. */
  oldPath: string | null;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Null for a binary file, or one too large to show. */
  additions: number | null;
  deletions: number | null;
  binary: boolean;
  untracked: boolean;
}

export interface Commit {
  sha: string;
  subject: string;
}

/** GET /api/agents/{id}/changes: from the base commit to now, where the run works. */
export interface Changes {
  runId: string;
  scope: ChangesScope;
  source: ChangesSource;
  workDir: string;
  branch: string | null;
  /** The commit compared against; null for the empty tree (no commit when the run started). */
  base: string | null;
  head: string | null;
  /** Why the base differs from the recorded one. */
  note: string | null;
  /** Newest first. */
  commits: Commit[];
  files: ChangedFile[];
  /** One unified diff of committed, uncommitted and untracked changes. */
  diff: string;
  truncated: boolean;
  untracked: string[];
}

export interface Snapshot {
  version: number;
  jobs: Job[];
  totalJobs: number;
  runs: AgentRun[];
  pendingQuestions: Question[];
  locks: FileLock[];
  settings: Settings;
  /** Workflows that blocked or wait for approval: a person has to act on them. */
  waitingWorkflows?: LiveWorkflow[];
}

/** A workflow as the live feed carries it (its page reads the rest over REST). */
export interface LiveWorkflow {
  id: string;
  title: string;
  status: 'running' | 'waiting_approval' | 'blocked' | 'done' | 'cancelled';
  /** Why it blocked or paused and what to do; null while it runs. */
  blockedReason: { code: string; message: string; action: string } | null;
  updatedAt: string;
}

/** GET /api/live/older-jobs: the jobs after a given one, newest first, with their runs. */
export interface OlderJobs {
  jobs: Job[];
  runs: AgentRun[];
  /** Whether there are older ones still. */
  more: boolean;
}

/** What POST /api/jobs accepts; everything but the description is optional. */
export interface NewJob {
  description: string;
  title?: string;
  priority?: number;
  model?: string;
  workDir?: string;
  maxTurns?: number;
  stopMode?: StopMode;
  stopValue?: number;
  dependsOn?: string[];
  context?: Record<string, string>;
  scheduledAt?: string;
  repeatIntervalSeconds?: number;
  useWorktree?: boolean;
  completionChecks?: string[];
  retryPolicy?: RetryPolicy;
  maxRetries?: number;
  templateId?: string;
  projectId?: string;
  interactive?: boolean;
}

/** A reusable prompt skeleton (GET /api/templates). */
export interface Template {
  id: string;
  name: string;
  content: string;
  defaultModel: string | null;
  defaultWorkDir: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateInput {
  name: string;
  content: string;
  defaultModel?: string;
  defaultWorkDir?: string;
}

/** How a set of finished runs (done or failed) went. */
export interface RunStats {
  runs: number;
  succeeded: number;
  successRate: number;
  avgCostUsd: number;
  avgTurns: number;
  avgDurationMs: number;
}

export interface TemplateStats {
  templateId: string;
  templateName: string;
  overall: RunStats;
  byModel: { model: string; stats: RunStats }[];
}

export interface TemplateModelStats {
  templateId: string;
  templateName: string;
  model: string;
  stats: RunStats;
}

/** A named group of jobs (GET /api/projects adds how many are on the board). */
export interface Project {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  jobCount?: number;
}

export interface BatchTemplate {
  id: string;
  name: string;
  items: string[];
  createdAt: string;
  updatedAt: string;
}

/** The options of one batch run; every one is optional. */
export interface BatchRunRequest {
  mode?: 'normal' | 'debate';
  model?: string;
  workDir?: string;
  maxTurns?: number;
  useWorktree?: boolean;
  priority?: number;
  templateId?: string;
  stopMode?: StopMode;
  stopValue?: number;
  /** Debate mode: the options of every debate (see features/debates/types NewDebate), its task left out. */
  debate?: Record<string, unknown>;
}

export interface BatchRunResult {
  projectId: string;
  projectName: string;
  jobIds: string[];
  /** Debate mode: the debates, in item order. */
  debateIds?: string[];
}

/** GET /api/agents/{id}/pty-history: what an interactive session's terminal holds (scrollback and screen). */
export interface PtyHistory {
  runId: string;
  live: boolean;
  history: string;
  attachedTerminals: number;
}

/** POST /api/agents/{id}/disconnect and /reconnect. `terminal` is the WebSocket path of the live terminal. */
export interface TerminalConnection {
  runId: string;
  live: boolean;
  attachedTerminals: number;
  terminal: string | null;
}

export type LiveMessage =
  | { type: 'job'; job: Job }
  | { type: 'run'; run: AgentRun }
  | { type: 'output'; runId: string; events: AgentEvent[]; more: boolean }
  | { type: 'question'; question: Question }
  | { type: 'locks'; locks: FileLock[] }
  | { type: 'note'; note: Note }
  | { type: 'settings'; settings: Settings }
  /** A debate changed (the row as GET /api/debates lists it); its views read their own endpoint again. */
  | { type: 'debate'; debate: { id: string; status: string; updatedAt: string } }
  /** A workflow changed, as GET /api/workflows lists it: its pages read again, and "needs you" sees it block. */
  | { type: 'workflow'; workflow: LiveWorkflow }
  | { type: 'kbEntry'; entry: KbEntry }
  | { type: 'kbEntryRemoved'; entryId: string };

export interface LiveFrame {
  version: number;
  messages: LiveMessage[];
}

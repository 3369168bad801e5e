// The server's JSON, as the REST API and the live frames send it.

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type RunStatus = 'starting' | 'running' | 'waiting_user' | 'done' | 'failed' | 'cancelled';
export type StopMode = 'turns' | 'budget' | 'time' | 'completion';

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
  inputTokens: number;
  outputTokens: number;
  resultText: string | null;
  errorMessage: string | null;
  exitCode: number | null;
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
}

export interface Changes {
  workDir: string;
  head: string | null;
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
}

export type LiveMessage =
  | { type: 'job'; job: Job }
  | { type: 'run'; run: AgentRun }
  | { type: 'output'; runId: string; events: AgentEvent[]; more: boolean }
  | { type: 'question'; question: Question }
  | { type: 'locks'; locks: FileLock[] }
  | { type: 'note'; note: Note }
  | { type: 'settings'; settings: Settings };

export interface LiveFrame {
  version: number;
  messages: LiveMessage[];
}

import type {
  AgentRun,
  BatchRunRequest,
  BatchRunResult,
  BatchTemplate,
  Project,
  Template,
  TemplateInput,
  TemplateModelStats,
  TemplateStats,
  Changes,
  ChangesScope,
  FileLock,
  Job,
  JobWithRuns,
  KbEntry,
  KbFilter,
  KbSearchHit,
  Learning,
  NewKbEntry,
  Models,
  NewJob,
  Note,
  OlderJobs,
  OutputPage,
  Page,
  PtyHistory,
  Question,
  RunWarnings,
  RunWithHealth,
  Settings,
  Snapshot,
  TerminalConnection,
  UsageReport,
  JobGraph,
  SearchParams,
  SearchResults,
  Timeline,
} from './types';

/** `?a=1&b=x` from the parameters that have a value, or '' when none has. */
function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const TOKEN_KEY = 'autodev.token';

/** The bearer token, when the server runs with AUTH_TOKEN; kept in this browser only. */
export function authToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setAuthToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** An error answer from the server: its status, the field at fault (400) and why. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | null;
  /** The server's short code, e.g. `bad_request`, `not_found`. */
  readonly error: string | null;

  constructor(status: number, message: string, field: string | null = null, error: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.field = field;
    this.error = error;
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = authToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    const error = (json ?? {}) as { message?: string; field?: string; error?: string };
    throw new ApiError(
      response.status,
      error.message ?? `${response.status} ${response.statusText}`,
      error.field ?? null,
      error.error ?? null,
    );
  }
  return json as T;
}

/** A query string of the given values, leaving out empty ones. */
function kbQuery(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

const enc = encodeURIComponent;

export const api = {
  snapshot: (limit?: number) => request<Snapshot>('GET', `/api/live/snapshot${limit ? `?limit=${limit}` : ''}`),
  olderJobs: (before: string, limit = 500) =>
    request<OlderJobs>('GET', `/api/live/older-jobs?before=${enc(before)}&limit=${limit}`),
  createJob: (job: NewJob) => request<JobWithRuns>('POST', '/api/jobs', job),
  jobs: (page = 0, size = 50, status?: string) =>
    request<Page<Job>>('GET', `/api/jobs?page=${page}&size=${size}${status ? `&status=${enc(status)}` : ''}`),
  job: (id: string) => request<JobWithRuns>('GET', `/api/jobs/${enc(id)}`),
  cancelJob: (id: string) => request<JobWithRuns>('POST', `/api/jobs/${enc(id)}/cancel`),
  run: (id: string) => request<RunWithHealth>('GET', `/api/agents/${enc(id)}`),
  output: (runId: string, after = 0, limit = 500) =>
    request<OutputPage>('GET', `/api/agents/${enc(runId)}/output?after=${after}&limit=${limit}`),
  changes: (runId: string, scope: ChangesScope = 'run') =>
    request<Changes>('GET', `/api/agents/${enc(runId)}/changes${scope === 'job' ? '?scope=job' : ''}`),
  continueRun: (runId: string, message: string) =>
    request<AgentRun>('POST', `/api/agents/${enc(runId)}/continue`, { message }),
  retryRun: (runId: string) => request<Job>('POST', `/api/agents/${enc(runId)}/retry`),
  requeueRun: (runId: string) => request<Job>('POST', `/api/agents/${enc(runId)}/requeue`),
  cancelRun: (runId: string) => request<Job>('POST', `/api/agents/${enc(runId)}/cancel`),
  ptyHistory: (runId: string) => request<PtyHistory>('GET', `/api/agents/${enc(runId)}/pty-history`),
  sendInput: (runId: string, text: string) => request<unknown>('POST', `/api/agents/${enc(runId)}/input`, { text }),
  disconnect: (runId: string) => request<TerminalConnection>('POST', `/api/agents/${enc(runId)}/disconnect`),
  reconnect: (runId: string) => request<TerminalConnection>('POST', `/api/agents/${enc(runId)}/reconnect`),
  settings: () => request<Settings>('GET', '/api/settings'),
  saveSettings: (settings: Partial<Settings>) => request<Settings>('PUT', '/api/settings', settings),
  locks: () => request<FileLock[]>('GET', '/api/locks'),
  releaseLock: (id: string) => request<FileLock>('DELETE', `/api/locks/${enc(id)}`),
  notes: (prefix?: string) => request<Note[]>('GET', `/api/notes${prefix ? `?prefix=${enc(prefix)}` : ''}`),
  questions: (status?: string) => request<Question[]>('GET', `/api/questions${status ? `?status=${enc(status)}` : ''}`),
  healthWarnings: () => request<RunWarnings[]>('GET', '/api/health/warnings'),
  models: () => request<Models>('GET', '/api/models'),
  usage: (from?: string, to?: string) => request<UsageReport>('GET', `/api/usage${query({ from, to })}`),
  search: (p: SearchParams) =>
    request<SearchResults>('GET', `/api/search${query({ q: p.q, jobId: p.jobId, projectId: p.projectId, type: p.type, from: p.from, to: p.to, page: p.page })}`),
  timeline: (from?: string, to?: string) => request<Timeline>('GET', `/api/timeline${query({ from, to })}`),
  graph: (since?: string, projectId?: string) => request<JobGraph>('GET', `/api/graph${query({ since, projectId })}`),
  /** Jobs matching the filters, newest first; the archive view is `{ archived: true, q }`. */
  findJobs: (filter: { archived?: boolean; q?: string; projectId?: string; flagged?: boolean; page?: number; size?: number }) => {
    const params = new URLSearchParams();
    if (filter.archived !== undefined) params.set('archived', String(filter.archived));
    if (filter.flagged !== undefined) params.set('flagged', String(filter.flagged));
    if (filter.q) params.set('q', filter.q);
    if (filter.projectId) params.set('projectId', filter.projectId);
    params.set('page', String(filter.page ?? 0));
    params.set('size', String(filter.size ?? 50));
    return request<Page<Job>>('GET', `/api/jobs?${params}`);
  },
  editJob: (id: string, edit: { title?: string; description?: string }) =>
    request<JobWithRuns>('PATCH', `/api/jobs/${enc(id)}`, edit),
  runNow: (id: string) => request<JobWithRuns>('POST', `/api/jobs/${enc(id)}/run-now`),
  toggleFlag: (id: string) => request<JobWithRuns>('POST', `/api/jobs/${enc(id)}/flag`),
  archiveJob: (id: string) => request<JobWithRuns>('POST', `/api/jobs/${enc(id)}/archive`),
  unarchiveJob: (id: string) => request<JobWithRuns>('POST', `/api/jobs/${enc(id)}/unarchive`),
  templates: () => request<Template[]>('GET', '/api/templates'),
  createTemplate: (t: TemplateInput) => request<Template>('POST', '/api/templates', t),
  updateTemplate: (id: string, t: TemplateInput) => request<Template>('PUT', `/api/templates/${enc(id)}`, t),
  deleteTemplate: (id: string) => request<void>('DELETE', `/api/templates/${enc(id)}`),
  templateStats: (id: string) => request<TemplateStats>('GET', `/api/templates/${enc(id)}/stats`),
  templateModelStats: () => request<TemplateModelStats[]>('GET', '/api/stats/template-model'),
  projects: () => request<Project[]>('GET', '/api/projects'),
  createProject: (p: { name: string; description?: string }) => request<Project>('POST', '/api/projects', p),
  updateProject: (id: string, p: { name: string; description?: string }) =>
    request<Project>('PUT', `/api/projects/${enc(id)}`, p),
  deleteProject: (id: string) => request<void>('DELETE', `/api/projects/${enc(id)}`),
  batches: () => request<BatchTemplate[]>('GET', '/api/batch-templates'),
  createBatch: (b: { name: string; items: string[] }) => request<BatchTemplate>('POST', '/api/batch-templates', b),
  updateBatch: (id: string, b: { name: string; items: string[] }) =>
    request<BatchTemplate>('PUT', `/api/batch-templates/${enc(id)}`, b),
  deleteBatch: (id: string) => request<void>('DELETE', `/api/batch-templates/${enc(id)}`),
  runBatch: (id: string, options: BatchRunRequest) =>
    request<BatchRunResult>('POST', `/api/batch-templates/${enc(id)}/run`, options),
  kbEntries: (filter: KbFilter = {}, page = 0, size = 50) =>
    request<Page<KbEntry>>('GET', `/api/knowledge-base?${kbQuery({ ...filter, page: String(page), size: String(size) })}`),
  kbSearch: (q: string, filter: KbFilter = {}) =>
    request<{ query: string; count: number; results: KbSearchHit[] }>('GET', `/api/knowledge-base/search?${kbQuery({ ...filter, q })}`),
  createKbEntry: (entry: NewKbEntry) => request<KbEntry>('POST', '/api/knowledge-base', entry),
  updateKbEntry: (id: string, changes: NewKbEntry) => request<KbEntry>('PUT', `/api/knowledge-base/${enc(id)}`, changes),
  deleteKbEntry: (id: string) => request<void>('DELETE', `/api/knowledge-base/${enc(id)}`),
  approveKbEntry: (id: string) => request<KbEntry>('POST', `/api/knowledge-base/${enc(id)}/approve`),
  consolidateKb: () => request<{ groups: number; merged: unknown[]; skipped: unknown[] }>('POST', '/api/knowledge-base/consolidate'),
  kbLearnings: (jobId?: string) => request<Learning[]>('GET', `/api/knowledge-base/learnings${jobId ? `?jobId=${enc(jobId)}` : ''}`),
  kbSettings: () => request<{ requireApproval: boolean }>('GET', '/api/knowledge-base/settings'),
  saveKbSettings: (settings: { requireApproval: boolean }) =>
    request<{ requireApproval: boolean }>('PUT', '/api/knowledge-base/settings', settings),
  answer: (questionId: string, answer: string) =>
    request<Question>('POST', `/api/questions/${enc(questionId)}/answer`, { answer }),
};

import type { KnownModel, NewJob, RetryPolicy, StopMode } from '../../api/types';

export interface ContextRow {
  key: string;
  value: string;
}

export type CheckKind = 'diff_not_empty' | 'no_error_in_output' | 'custom_command';

/** One completion check as edited: its kind, and the shell command for custom_command. */
export interface CheckRow {
  kind: CheckKind;
  command: string;
}

export const CHECK_KINDS: { kind: CheckKind; label: string }[] = [
  { kind: 'diff_not_empty', label: 'something changed (diff_not_empty)' },
  { kind: 'no_error_in_output', label: 'no error in output (no_error_in_output)' },
  { kind: 'custom_command', label: 'command exits 0 (custom_command)' },
];

export const MAX_RETRIES = 10;

/** The form as typed: strings, so half-typed numbers survive until submit. */
export interface JobFormValues {
  description: string;
  title: string;
  priority: string;
  model: string;
  workDir: string;
  maxTurns: string;
  stopMode: '' | StopMode;
  stopValue: string;
  dependsOn: string;
  context: ContextRow[];
  scheduledAt: string;
  repeatIntervalSeconds: string;
  useWorktree: boolean;
  completionChecks: CheckRow[];
  retryPolicy: '' | RetryPolicy;
  maxRetries: string;
  templateId: string;
  projectId: string;
}

export type JobField = Exclude<keyof JobFormValues, never>;
export type FieldErrors = Partial<Record<JobField | 'form', string>>;

export const emptyJobForm: JobFormValues = {
  description: '',
  title: '',
  priority: '0',
  model: '',
  workDir: '',
  maxTurns: '',
  stopMode: '',
  stopValue: '',
  dependsOn: '',
  context: [],
  scheduledAt: '',
  repeatIntervalSeconds: '',
  useWorktree: false,
  completionChecks: [],
  retryPolicy: '',
  maxRetries: '',
  templateId: '',
  projectId: '',
};

const FIELDS: JobField[] = [
  'description',
  'title',
  'priority',
  'model',
  'workDir',
  'maxTurns',
  'stopMode',
  'stopValue',
  'dependsOn',
  'context',
  'scheduledAt',
  'repeatIntervalSeconds',
  'useWorktree',
  'completionChecks',
  'retryPolicy',
  'maxRetries',
  'templateId',
  'projectId',
];

function wholeNumber(value: string): number | null {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** Checks what the browser can check; the server checks everything again and names the field it refuses. */
export function validateJobForm(values: JobFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.description.trim()) errors.description = 'required';
  if (values.priority.trim()) {
    const p = wholeNumber(values.priority);
    if (p === null || p < -10 || p > 10) errors.priority = 'a whole number from -10 to 10';
  }
  if (values.maxTurns.trim()) {
    const t = wholeNumber(values.maxTurns);
    if (t === null || t < 1) errors.maxTurns = 'a whole number of at least 1';
  }
  if (values.stopValue.trim()) {
    const v = Number(values.stopValue);
    if (!Number.isFinite(v) || v <= 0) errors.stopValue = 'a number above 0';
    else if (!values.stopMode) errors.stopValue = 'pick a stop mode first';
  } else if (values.stopMode === 'budget' || values.stopMode === 'time') {
    errors.stopValue = values.stopMode === 'budget' ? 'the budget in US dollars' : 'the time limit in minutes';
  }
  if (values.repeatIntervalSeconds.trim()) {
    const r = wholeNumber(values.repeatIntervalSeconds);
    if (r === null || r < 1) errors.repeatIntervalSeconds = 'a whole number of seconds, at least 1';
  }
  if (values.scheduledAt.trim() && Number.isNaN(new Date(values.scheduledAt).getTime())) {
    errors.scheduledAt = 'not a valid time';
  }
  const checks = values.completionChecks.map(checkToWire);
  if (values.completionChecks.some((c) => c.kind === 'custom_command' && !c.command.trim())) {
    errors.completionChecks = 'a custom command needs the command to run';
  } else if (new Set(checks).size !== checks.length) {
    errors.completionChecks = 'each check only once';
  }
  if (values.maxRetries.trim()) {
    const m = wholeNumber(values.maxRetries);
    if (m === null || m < 0 || m > MAX_RETRIES) errors.maxRetries = `a whole number from 0 to ${MAX_RETRIES}`;
    else if (m > 0 && (!values.retryPolicy || values.retryPolicy === 'none')) errors.maxRetries = 'pick a retry policy first';
  }
  const keys = values.context.map((row) => row.key.trim()).filter(Boolean);
  if (values.context.some((row) => !row.key.trim() && row.value.trim())) errors.context = 'every value needs a key';
  else if (new Set(keys).size !== keys.length) errors.context = 'keys must be different';
  return errors;
}

/** The request body: blank fields left out, so the server fills its defaults. */
export function toNewJob(values: JobFormValues): NewJob {
  const job: NewJob = { description: values.description };
  if (values.title.trim()) job.title = values.title.trim();
  if (values.priority.trim() && Number(values.priority) !== 0) job.priority = Number(values.priority);
  if (values.model.trim()) job.model = values.model.trim();
  if (values.workDir.trim()) job.workDir = values.workDir.trim();
  if (values.maxTurns.trim()) job.maxTurns = Number(values.maxTurns);
  if (values.stopMode) job.stopMode = values.stopMode;
  if (values.stopValue.trim()) job.stopValue = Number(values.stopValue);
  const deps = values.dependsOn
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  if (deps.length) job.dependsOn = deps;
  const context = values.context.filter((row) => row.key.trim());
  if (context.length) job.context = Object.fromEntries(context.map((row) => [row.key.trim(), row.value]));
  if (values.scheduledAt.trim()) job.scheduledAt = new Date(values.scheduledAt).toISOString();
  if (values.repeatIntervalSeconds.trim()) job.repeatIntervalSeconds = Number(values.repeatIntervalSeconds);
  if (values.useWorktree) job.useWorktree = true;
  if (values.completionChecks.length) job.completionChecks = values.completionChecks.map(checkToWire);
  if (values.retryPolicy) job.retryPolicy = values.retryPolicy;
  if (values.maxRetries.trim()) job.maxRetries = Number(values.maxRetries);
  if (values.templateId) job.templateId = values.templateId;
  if (values.projectId) job.projectId = values.projectId;
  return job;
}

/** Puts a server error next to the field it names ("dependsOn[0]" and "context.x" belong to their list). */
export function fieldOfServerError(field: string | null): JobField | 'form' {
  if (!field) return 'form';
  const head = field.split(/[.[]/)[0];
  return (FIELDS as string[]).includes(head) ? (head as JobField) : 'form';
}

/** A check as the server takes it: diff_not_empty, no_error_in_output or custom_command:<command>. */
export function checkToWire(check: CheckRow): string {
  return check.kind === 'custom_command' ? `custom_command:${check.command.trim()}` : check.kind;
}

export interface ModelGroup {
  label: string;
  models: KnownModel[];
}

const PROVIDER_LABELS: Record<string, string> = { anthropic: 'Claude (Anthropic)', openai: 'Codex (OpenAI)' };

/** The models on offer grouped by provider, Claude first, each group in the server's order. */
export function groupModels(models: KnownModel[]): ModelGroup[] {
  const groups = new Map<string, KnownModel[]>();
  for (const m of models) {
    const key = m.provider || m.agent || 'other';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const rank = (p: string) => (p === 'anthropic' ? 0 : p === 'openai' ? 1 : 2);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([provider, list]) => ({ label: PROVIDER_LABELS[provider] ?? provider, models: list }));
}

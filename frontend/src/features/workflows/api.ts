import { ApiError, authToken } from '../../api/client';
import type { NewWorkflow, PlanView, Workflow, WorkflowPage, WorkflowStatus, Worklog } from './types';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = authToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text };
  }
  if (!response.ok) {
    const e = (json ?? {}) as { message?: string; field?: string; error?: string };
    throw new ApiError(response.status, e.message ?? `${response.status} ${response.statusText}`, e.field ?? null, e.error ?? null);
  }
  return json as T;
}

const enc = encodeURIComponent;

/** The workflow endpoints (/api/workflows). */
export const workflowsApi = {
  list: (status?: WorkflowStatus | '', page = 0, size = 50) =>
    call<WorkflowPage>('GET', `/api/workflows?page=${page}&size=${size}${status ? `&status=${status}` : ''}`),
  get: (id: string) => call<Workflow>('GET', `/api/workflows/${enc(id)}`),
  create: (body: NewWorkflow) => call<Workflow>('POST', '/api/workflows', body),
  plan: (id: string) => call<PlanView>('GET', `/api/workflows/${enc(id)}/plan`),
  savePlan: (id: string, text: string) => call<PlanView>('PUT', `/api/workflows/${enc(id)}/plan`, { text }),
  worklogs: (id: string) => call<Worklog[]>('GET', `/api/workflows/${enc(id)}/worklogs`),
  cancel: (id: string) => call<Workflow>('POST', `/api/workflows/${enc(id)}/cancel`),
  resume: (id: string, body: { phase?: string; cycle?: number; force?: boolean } = {}) =>
    call<Workflow>('POST', `/api/workflows/${enc(id)}/resume`, body),
  approve: (id: string, additionalUsd?: number) =>
    call<Workflow>('POST', `/api/workflows/${enc(id)}/approve`, additionalUsd === undefined ? {} : { additionalUsd }),
};

export type WorkflowsApi = typeof workflowsApi;

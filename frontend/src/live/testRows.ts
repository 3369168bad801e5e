import type { AgentRun, Job } from '../api/types';

/** Whole rows as the API sends them, for tests of the live store and the components that read it. */
export const job = (id: string, status: Job['status'], createdAt: string, updatedAt = createdAt): Job => ({
  id,
  title: `job ${id}`,
  description: 'd',
  status,
  statusReason: null,
  priority: 0,
  model: 'claude-sonnet-4-6',
  workDir: '/w',
  maxTurns: null,
  stopMode: null,
  stopValue: null,
  context: {},
  scheduledAt: null,
  repeatIntervalSeconds: null,
  dependsOn: [],
  parentJobId: null,
  retryOfJobId: null,
  createdAt,
  updatedAt,
});

export const run = (id: string, jobId: string, status: AgentRun['status'], startedAt: string): AgentRun => ({
  id,
  jobId,
  status,
  pid: 1,
  sessionId: 's',
  resumedFromId: null,
  startedAt,
  processStartedAt: null,
  finishedAt: null,
  numTurns: 0,
  costUsd: 0,
  inputTokens: 0,
  outputTokens: 0,
  resultText: null,
  errorMessage: null,
  exitCode: null,
});

import type { AgentRun, JobWithRuns, Note, Page } from '../../api/types';

/** A workflow's lifecycle (see WorkflowStatus on the server). */
export type WorkflowStatus = 'running' | 'waiting_approval' | 'blocked' | 'done' | 'cancelled';
export type WorkflowPhase = 'assess' | 'review' | 'implement' | 'repair' | 'finalize';

/** Why a workflow blocked or waits, and what to do. */
export interface BlockedReason {
  code: string;
  message: string;
  action: string;
}

export interface Milestone {
  title: string;
  done: boolean;
}

export interface Progress {
  done: number;
  total: number;
  items: Milestone[];
}

export interface WorkflowStep {
  seq: number;
  kind: WorkflowPhase;
  phase: WorkflowPhase;
  cycle: number;
  model: string | null;
  jobId: string | null;
  status: 'started' | 'done' | 'failed' | 'cancelled';
  failureKind: string | null;
  message: string | null;
}

/** GET /api/workflows/{id} (steps and jobs only there; the list leaves them null). */
export interface Workflow {
  id: string;
  title: string;
  task: string;
  status: WorkflowStatus;
  phase: WorkflowPhase | null;
  cycle: number;
  workDir: string;
  implementerModel: string;
  reviewerModel: string;
  maxCycles: number;
  useWorktree: boolean;
  budgetUsd: number | null;
  approvePlan: boolean;
  branch: string | null;
  worktreePath: string | null;
  prUrl: string | null;
  blockedReason: BlockedReason | null;
  createdAt: string;
  updatedAt: string;
  milestones: Progress;
  costUsd: number;
  steps: WorkflowStep[] | null;
  jobs: (JobWithRuns & { runs: AgentRun[] })[] | null;
}

export interface PlanView {
  key: string;
  text: string | null;
  milestones: Progress;
  contract: string | null;
}

export interface NewWorkflow {
  task: string;
  title?: string;
  workDir?: string;
  implementerModel?: string;
  reviewerModel?: string;
  maxCycles?: number;
  useWorktree?: boolean;
  maxCostUsd?: number;
  approvePlan?: boolean;
  stopModes?: Record<string, { mode: string; value?: number }>;
}

export type WorkflowPage = Page<Workflow>;
export type Worklog = Note;

/** The server's JSON shapes for debates (see the README's Debates section). */

export type DebateStatus = 'debating' | 'acting' | 'consensus' | 'disagreement' | 'failed' | 'cancelled';
export type Side = 'claude' | 'codex';
export type Verdict = 'agree' | 'disagree' | 'partial';
/** Where a debate's own worktree is: none yet, open (the acting jobs work in it), published, removed (branch kept). */
export type WorktreeState = 'none' | 'open' | 'published' | 'removed';

export interface Debate {
  id: string;
  task: string;
  claudeModel: string;
  codexModel: string;
  maxRounds: number;
  templateId: string | null;
  workDir: string;
  postActionPrompt: string | null;
  postActionRole: Side;
  verification: boolean;
  loopCount: number;
  projectId: string | null;
  status: DebateStatus;
  statusReason: string | null;
  conclusion: string | null;
  useWorktree: boolean;
  repoRoot: string | null;
  worktreePath: string | null;
  branch: string | null;
  baseCommit: string | null;
  prUrl: string | null;
  worktreeState: WorktreeState;
  createdAt: string;
  updatedAt: string;
}

export interface DebateTurn {
  jobId: string;
  jobStatus: string;
  verdict: Verdict | null;
  verdictGiven: boolean;
  position: string | null;
  askedAgain: boolean;
  answer: string | null;
  costUsd: number;
}

export interface DebateRound {
  loop: number;
  round: number;
  claude: DebateTurn | null;
  codex: DebateTurn | null;
  diverged: boolean;
}

export interface DebateAction {
  loop: number;
  stage: 'post_action' | 'review' | 'refine';
  side: Side;
  jobId: string;
  jobStatus: string;
  result: string | null;
  costUsd: number;
}

export interface DebateLoop {
  loop: number;
  outcome: 'consensus' | 'disagreement' | null;
  rounds: number;
  conclusion: string | null;
}

export interface DebateView extends Debate {
  currentLoop: number;
  rounds: DebateRound[];
  actions: DebateAction[];
  loops: DebateLoop[];
  jobs: { jobId: string; loop: number; stage: string; round: number; side: Side; status: string }[];
  costUsd: { claude: number; codex: number };
}

export interface NewDebate {
  task: string;
  claudeModel?: string;
  codexModel?: string;
  maxRounds?: number;
  templateId?: string;
  workDir?: string;
  postActionPrompt?: string;
  postActionRole?: Side;
  verification?: boolean;
  loopCount?: number;
  useWorktree?: boolean;
}

import type { Tone } from '../common';
import type { DebateRound, DebateStatus, DebateView, NewDebate, Side } from './types';

/** Debate statuses on the shared badge tones. */
export const DEBATE_TONES: Record<string, Tone> = {
  debating: 'running',
  acting: 'running',
  consensus: 'success',
  disagreement: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
};

export const VERDICT_TONES: Record<string, Tone> = { agree: 'success', partial: 'warning', disagree: 'danger' };

export const SIDE_NAMES: Record<Side, string> = { claude: 'Claude', codex: 'Codex' };

export function isFinished(status: DebateStatus): boolean {
  return status !== 'debating' && status !== 'acting';
}

/** The rounds grouped by loop, loops in order. */
export function roundsByLoop(view: DebateView): { loop: number; rounds: DebateRound[] }[] {
  const loops = new Map<number, DebateRound[]>();
  for (const round of view.rounds) {
    const list = loops.get(round.loop) ?? [];
    list.push(round);
    loops.set(round.loop, list);
  }
  return [...loops.entries()].sort(([a], [b]) => a - b).map(([loop, rounds]) => ({ loop, rounds }));
}

/** Where the sides stood apart in a round, in words ("Claude partial, Codex disagree"), or null when they agreed or a side is still answering. */
export function divergence(round: DebateRound): string | null {
  if (!round.diverged || !round.claude?.verdict || !round.codex?.verdict) return null;
  return `Claude ${round.claude.verdict}, Codex ${round.codex.verdict}`;
}

/** The form's text fields as the request: blanks left out so the server's defaults apply; numbers parsed. */
export interface DebateFormValues {
  task: string;
  claudeModel: string;
  codexModel: string;
  maxRounds: string;
  templateId: string;
  workDir: string;
  postActionPrompt: string;
  postActionRole: Side;
  verification: boolean;
  /** With a post-action: it, the review and the refinements share a worktree whose branch becomes a pull request. */
  useWorktree: boolean;
  loopCount: string;
}

export const EMPTY_DEBATE_FORM: DebateFormValues = {
  task: '',
  claudeModel: '',
  codexModel: '',
  maxRounds: '3',
  templateId: '',
  workDir: '',
  postActionPrompt: '',
  postActionRole: 'claude',
  verification: false,
  useWorktree: false,
  loopCount: '1',
};

export function toNewDebate(form: DebateFormValues): NewDebate {
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const number = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const request: NewDebate = {
    task: form.task,
    claudeModel: text(form.claudeModel),
    codexModel: text(form.codexModel),
    maxRounds: number(form.maxRounds),
    templateId: text(form.templateId),
    workDir: text(form.workDir),
    postActionPrompt: text(form.postActionPrompt),
    loopCount: number(form.loopCount),
  };
  if (request.postActionPrompt) {
    request.postActionRole = form.postActionRole;
    request.verification = form.verification;
    if (form.useWorktree) request.useWorktree = true;
  }
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as unknown as NewDebate;
}

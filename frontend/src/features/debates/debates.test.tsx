import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { job, run } from '../../live/testRows';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DebateForm } from './DebateForm';
import { LiveStateContext } from '../../live/LiveProvider';
import { initialState, type LiveState } from '../../live/store';
import { DebatePanel } from './DebatePanel';
import { divergence, EMPTY_DEBATE_FORM, toNewDebate } from './debateView';
import type { DebateTurn, DebateView } from './types';

function turn(verdict: DebateTurn['verdict'], position: string, extra: Partial<DebateTurn> = {}): DebateTurn {
  return { jobId: `job-${position}`, jobStatus: 'done', verdict, verdictGiven: verdict !== null, position, askedAgain: false,
    answer: `answer ${position}`, costUsd: 0.1, ...extra };
}

const VIEW: DebateView = {
  id: 'd1', task: 'Queue or lock?', claudeModel: 'claude-sonnet-4-6', codexModel: 'codex-gpt-5.5', maxRounds: 3,
  templateId: null, workDir: '/w', postActionPrompt: 'Do it', postActionRole: 'codex', verification: true, loopCount: 1,
  projectId: null, status: 'consensus', statusReason: null, conclusion: 'Consensus: both sides agreed in round 2.',
  useWorktree: false, repoRoot: null, worktreePath: null, branch: null, baseCommit: null, prUrl: null, worktreeState: 'none',
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', currentLoop: 1,
  rounds: [
    { loop: 1, round: 1, claude: turn('partial', 'c1'), codex: turn('disagree', 'x1'), diverged: true },
    { loop: 1, round: 2, claude: turn('agree', 'c2'), codex: turn('agree', 'x2'), diverged: false },
  ],
  actions: [{ loop: 1, stage: 'post_action', side: 'codex', jobId: 'pa', jobStatus: 'done', result: 'wrote it', costUsd: 0.2 }],
  loops: [{ loop: 1, outcome: 'consensus', rounds: 2, conclusion: 'Consensus' }],
  jobs: [],
  costUsd: { claude: 0.2, codex: 0.4 },
};

describe('debate panel', () => {
  it('shows the rounds side by side with verdicts, marks where the sides diverged, and the conclusion', async () => {
    render(<DebatePanel id="d1" onClose={() => {}} load={() => Promise.resolve(VIEW)} />);
    const first = await screen.findByTestId('debate-round-1-1');
    expect(first.getAttribute('data-diverged')).toBe('true');
    expect(within(first).getByTestId('debate-diverged').getAttribute('title')).toBe('Claude partial, Codex disagree');
    expect(within(within(first).getByTestId('debate-turn-claude')).getByTestId('debate-verdict').textContent).toBe('partial');
    expect(within(within(first).getByTestId('debate-turn-codex')).getByTestId('debate-verdict').textContent).toBe('disagree');
    const second = screen.getByTestId('debate-round-1-2');
    expect(within(second).queryByTestId('debate-diverged')).toBeNull();
    expect(screen.getByTestId('debate-conclusion').textContent).toContain('agreed in round 2');
    expect(screen.getByTestId('debate-status').textContent).toBe('consensus');
    expect(screen.getByTestId('debate-action-post_action').textContent).toContain('wrote it');
    expect(screen.queryByTestId('debate-cancel')).toBeNull();
  });

  it('offers cancel while the debate runs and shows what the cancel returned', async () => {
    const running: DebateView = { ...VIEW, status: 'debating', conclusion: null, rounds: [VIEW.rounds[0]], actions: [] };
    render(
      <DebatePanel id="d1" onClose={() => {}} load={() => Promise.resolve(running)}
        cancelDebate={() => Promise.resolve({ ...running, status: 'cancelled' })} />,
    );
    fireEvent.click(await screen.findByTestId('debate-cancel'));
    expect((await screen.findByText('cancelled')).getAttribute('data-status')).toBe('cancelled');
  });

  it('reads the debate again when the live feed says it or one of its jobs changed, and after a reconnect, never on a timer', async () => {
    const running: DebateView = { ...VIEW, status: 'debating', conclusion: null, actions: [],
      jobs: [{ jobId: 'j1', loop: 1, stage: 'turn', round: 1, side: 'claude', status: 'running' }] };
    const load = vi.fn(() => Promise.resolve(running));
    const live = (changes: Partial<LiveState>): LiveState => ({ ...initialState, connection: 'live', ...changes });
    const panel = (state: LiveState) => (
      <LiveStateContext.Provider value={state}>
        <DebatePanel id="d1" onClose={() => {}} load={load} />
      </LiveStateContext.Provider>
    );
    const { rerender } = render(panel(live({})));
    await screen.findByTestId('debate-cancel');
    expect(load).toHaveBeenCalledTimes(1);

    rerender(panel(live({ touched: { 'debate:d2': 3, 'debate:*': 3 } })));
    expect(load).toHaveBeenCalledTimes(1);
    rerender(panel(live({ touched: { 'debate:d1': 4, 'debate:*': 4 } })));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    const touched = { 'debate:d1': 4, 'debate:*': 4 };
    rerender(panel(live({ touched, jobs: { j1: { ...job('j1', 'done', '2026-01-01T00:00:00Z') } } })));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    rerender(panel(live({ touched, jobs: { j1: job('j1', 'done', '2026-01-01T00:00:00Z') }, connection: 'offline' })));
    rerender(panel(live({ touched, jobs: { j1: job('j1', 'done', '2026-01-01T00:00:00Z') } })));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(4));
  });

  it('shows the branch a debate acted on and its pull request, and that the worktree is gone', async () => {
    const published: DebateView = { ...VIEW, useWorktree: true, repoRoot: '/r', worktreePath: '/r/.orchestrator-workflows/debate-d1',
      branch: 'autodev/debate-d1-queue-or-lock', baseCommit: 'abc', prUrl: 'https://github.example/pr/7', worktreeState: 'removed' };
    render(<DebatePanel id="d1" onClose={() => {}} load={() => Promise.resolve(published)} />);
    expect((await screen.findByTestId('debate-branch')).textContent).toContain('autodev/debate-d1-queue-or-lock');
    expect(screen.getByTestId('debate-pr').getAttribute('href')).toBe('https://github.example/pr/7');
    expect(screen.getByTestId('debate-worktree').textContent).toContain('worktree removed, branch kept');
  });

  it('shows no branch line for a debate without a worktree', async () => {
    render(<DebatePanel id="d1" onClose={() => {}} load={() => Promise.resolve(VIEW)} />);
    await screen.findByTestId('debate-status');
    expect(screen.queryByTestId('debate-worktree')).toBeNull();
  });

  it('reads the debate again when a live frame reports new cost for one of its jobs, so the per-side cost moves', async () => {
    const running = (claude: number): DebateView => ({ ...VIEW, status: 'debating', conclusion: null, actions: [],
      costUsd: { claude, codex: 0 }, jobs: [{ jobId: 'j1', loop: 1, stage: 'turn', round: 1, side: 'claude', status: 'running' }] });
    const load = vi.fn().mockResolvedValueOnce(running(0.1)).mockResolvedValue(running(0.25));
    // Only the run moves: its job's status stays what it was, so the cost alone is what reads the debate again.
    const withCost = (costUsd: number, inputTokens: number): LiveState => ({ ...initialState, connection: 'live',
      runs: { r1: { ...run('r1', 'j1', 'running', '2026-01-01T00:00:00Z'), costUsd, inputTokens } }, runsByJob: { j1: ['r1'] } });
    const panel = (state: LiveState) => (
      <LiveStateContext.Provider value={state}>
        <DebatePanel id="d1" onClose={() => {}} load={load} />
      </LiveStateContext.Provider>
    );
    const { rerender } = render(panel(withCost(0.1, 100)));
    await screen.findByText(/Claude \$0\.10/);
    expect(load).toHaveBeenCalledTimes(1);

    rerender(panel(withCost(0.25, 900)));
    await screen.findByText(/Claude \$0\.25/);
    expect(load).toHaveBeenCalledTimes(2);
    // A frame that moves nothing of its runs reads nothing.
    rerender(panel(withCost(0.25, 900)));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('marks a side that gave no verdict and was asked again', async () => {
    const noVerdict: DebateView = {
      ...VIEW,
      rounds: [{ loop: 1, round: 1, claude: turn('disagree', 'c1', { verdictGiven: false, askedAgain: true }), codex: turn('agree', 'x1'), diverged: true }],
    };
    render(<DebatePanel id="d1" onClose={() => {}} load={() => Promise.resolve(noVerdict)} />);
    const claude = within(await screen.findByTestId('debate-round-1-1')).getByTestId('debate-turn-claude');
    expect(claude.textContent).toContain('asked again');
    expect(claude.textContent).toContain('no verdict');
  });
});

describe('new debate form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers a worktree once there is a post-action and sends it, and shows a refused work dir at its field', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({ error: 'bad_request', field: 'workDir',
          message: 'must be inside a git repository when useWorktree is on, was /tmp/x' }), { status: 400 });
      }
      return new Response(path === '/api/templates' ? '[]' : '{}', { status: 200 });
    }));
    render(<DebateForm onCreated={() => {}} onCancel={() => {}} />);
    fireEvent.change(screen.getByTestId('debate-task'), { target: { value: 'Which value?' } });
    fireEvent.change(screen.getByTestId('debate-work-dir'), { target: { value: '/tmp/x' } });
    expect(screen.queryByTestId('debate-use-worktree')).toBeNull();
    fireEvent.change(screen.getByTestId('debate-post-action'), { target: { value: 'Write it' } });
    const box = screen.getByTestId('debate-use-worktree') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    fireEvent.click(screen.getByTestId('debate-submit'));

    expect((await screen.findByTestId('debate-field-error-workDir')).textContent).toContain('git repository');
    expect(posted).toEqual([{ task: 'Which value?', workDir: '/tmp/x', maxRounds: 3, loopCount: 1, postActionPrompt: 'Write it',
      postActionRole: 'claude', verification: false, useWorktree: true }]);
  });
});

describe('debate form values', () => {
  it('leaves blanks out so the server defaults apply, and sends the role only with a post-action', () => {
    expect(toNewDebate({ ...EMPTY_DEBATE_FORM, task: 'Why?', maxRounds: '', loopCount: '2', postActionRole: 'codex' }))
      .toEqual({ task: 'Why?', loopCount: 2 });
    expect(toNewDebate({ ...EMPTY_DEBATE_FORM, task: 'Why?', postActionPrompt: 'Fix it', postActionRole: 'codex', verification: true }))
      .toEqual({ task: 'Why?', maxRounds: 3, loopCount: 1, postActionPrompt: 'Fix it', postActionRole: 'codex', verification: true });
  });

  it('sends a worktree only with a post-action, where it has something to hold', () => {
    expect(toNewDebate({ ...EMPTY_DEBATE_FORM, task: 'Why?', useWorktree: true })).toEqual({ task: 'Why?', maxRounds: 3, loopCount: 1 });
    expect(toNewDebate({ ...EMPTY_DEBATE_FORM, task: 'Why?', postActionPrompt: 'Fix it', useWorktree: true }).useWorktree).toBe(true);
  });

  it('says nothing diverged while a side is still answering', () => {
    expect(divergence({ loop: 1, round: 1, claude: turn(null, 'c'), codex: turn('agree', 'x'), diverged: false })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_RUN, itemsOf, toRunRequest } from './BatchesPanel';

describe('batch forms', () => {
  it('takes one task a line and drops blank lines', () => {
    expect(itemsOf('one\n\n  two  \n')).toEqual(['one', 'two']);
  });

  it('sends only the run options filled in', () => {
    expect(
      toRunRequest({ ...EMPTY_RUN, workDir: ' /repo ', maxTurns: '5', templateId: 't1' }),
    ).toEqual({ mode: 'normal', workDir: '/repo', maxTurns: 5, templateId: 't1' });
  });

  it('sends a debate run its debate options, without a task, and leaves the job options out', () => {
    const debate = { ...EMPTY_RUN.debate, claudeModel: 'claude-opus-4-6', codexModel: 'gpt-5.5', maxRounds: '2', loopCount: '2',
      postActionPrompt: 'Apply it', postActionRole: 'codex' as const, verification: true };
    expect(toRunRequest({ ...EMPTY_RUN, mode: 'debate', workDir: '/repo', maxTurns: '5', model: 'ignored', debate })).toEqual({
      mode: 'debate',
      workDir: '/repo',
      debate: { claudeModel: 'claude-opus-4-6', codexModel: 'gpt-5.5', maxRounds: 2, loopCount: 2, postActionPrompt: 'Apply it',
        postActionRole: 'codex', verification: true },
    });
    expect(toRunRequest({ ...EMPTY_RUN, mode: 'debate' })).toEqual({ mode: 'debate', debate: { maxRounds: 3, loopCount: 1 } });
  });

  it('sends a debate run the worktree its debates act in', () => {
    const debate = { ...EMPTY_RUN.debate, postActionPrompt: 'Apply it', useWorktree: true };
    expect(toRunRequest({ ...EMPTY_RUN, mode: 'debate', workDir: '/repo', debate }).debate).toEqual({ maxRounds: 3, loopCount: 1,
      postActionPrompt: 'Apply it', postActionRole: 'claude', verification: false, useWorktree: true });
  });
});

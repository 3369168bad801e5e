import { describe, expect, it } from 'vitest';
import { itemsOf, toRunRequest } from './BatchesPanel';

describe('batch forms', () => {
  it('takes one task a line and drops blank lines', () => {
    expect(itemsOf('one\n\n  two  \n')).toEqual(['one', 'two']);
  });

  it('sends only the run options filled in', () => {
    expect(
      toRunRequest({ mode: 'normal', model: '', workDir: ' /repo ', maxTurns: '5', priority: '', templateId: 't1', stopMode: '', stopValue: '', useWorktree: false }),
    ).toEqual({ mode: 'normal', workDir: '/repo', maxTurns: 5, templateId: 't1' });
  });
});

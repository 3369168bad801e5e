import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { Changes } from '../../api/types';
import { ChangesView } from './ChangesView';

const DIFF = [
  'diff --git a/README.md b/README.md',
  'index 3b18e51..9a1c2f0 100644',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -1,2 +1,2 @@',
  ' # title',
  '-old line',
  '+new line',
  'diff --git a/committed.txt b/committed.txt',
  'new file mode 100644',
  'index 0000000..1f2e3d4',
  '--- /dev/null',
  '+++ b/committed.txt',
  '@@ -0,0 +1 @@',
  '+committed',
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'index 0000000..5a6b7c8',
  'Binary files /dev/null and b/logo.png differ',
  'diff --git a/new.txt b/new.txt',
  'new file mode 100644',
  'index 0000000..ce01362',
  '--- /dev/null',
  '+++ b/new.txt',
  '@@ -0,0 +1 @@',
  '+hello',
  '',
].join('\n');

const CHANGES: Changes = {
  runId: 'r1',
  scope: 'run',
  source: 'worktree',
  workDir: '/repo/.orchestrator-worktrees/abcd1234',
  branch: 'autodev/abcd1234-edit',
  base: '1111111111222222222233333333334444444444',
  head: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd',
  note: null,
  commits: [{ sha: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd', subject: 'Add committed.txt' }],
  files: [
    { path: 'README.md', oldPath: null, status: 'modified', additions: 1, deletions: 1, binary: false, untracked: false },
    { path: 'committed.txt', oldPath: null, status: 'added', additions: 1, deletions: 0, binary: false, untracked: false },
    { path: 'logo.png', oldPath: null, status: 'added', additions: null, deletions: null, binary: true, untracked: false },
    { path: 'new.txt', oldPath: null, status: 'added', additions: 1, deletions: 0, binary: false, untracked: true },
  ],
  diff: DIFF,
  truncated: false,
  untracked: ['new.txt'],
};

afterEach(() => vi.restoreAllMocks());

describe('ChangesView', () => {
  it('lists each changed file with its status and counts, and colours its own diff', async () => {
    vi.spyOn(api, 'changes').mockResolvedValue(CHANGES);

    render(<ChangesView runId="r1" />);

    const rows = await screen.findAllByTestId('changes-file');
    expect(rows.map((r) => r.dataset.status)).toEqual(['modified', 'added', 'added', 'added']);
    expect(rows[0].textContent).toContain('README.md');
    expect(within(rows[0]).getByTestId('line-counts').textContent).toBe('+1 -1');
    expect(rows[2].textContent).toContain('binary');
    expect(rows[3].textContent).toContain('untracked');

    const sections = screen.getAllByTestId('file-diff');
    expect(sections.map((s) => s.dataset.path)).toEqual(['README.md', 'committed.txt', 'logo.png', 'new.txt']);
    const readme = sections[0];
    expect(readme.querySelector('.diff-hunk-header')?.textContent).toContain('@@ -1,2 +1,2 @@');
    expect(readme.querySelector('.diff-code-delete')?.textContent).toContain('old line');
    expect(readme.querySelector('.diff-code-insert')?.textContent).toContain('new line');
    expect(readme.querySelectorAll('.diff-code-normal').length).toBe(1);
    expect(sections[1].querySelector('.diff-code-insert')?.textContent).toContain('committed');
    expect(sections[1].querySelector('.diff-code-delete')).toBeNull();
    expect(sections[2].textContent).toContain('Binary file');
    expect(sections[3].querySelector('.diff-code-insert')?.textContent).toContain('hello');
  });

  it('shows the commits since the base and where the changes were read', async () => {
    vi.spyOn(api, 'changes').mockResolvedValue(CHANGES);

    render(<ChangesView runId="r1" />);

    const commits = await screen.findByTestId('changes-commits');
    expect(commits.textContent).toContain('aaaaaaaaaa');
    expect(commits.textContent).toContain('Add committed.txt');
    const source = screen.getByTestId('changes-source');
    expect(source.dataset.source).toBe('worktree');
    expect(source.textContent).toContain('worktree');
    expect(source.textContent).toContain('autodev/abcd1234-edit');
    expect(screen.getByTestId('changes-range').textContent).toContain('1111111111 → aaaaaaaaaa');
  });

  it('reads the whole job when asked, and says why the base changed', async () => {
    const read = vi.spyOn(api, 'changes').mockImplementation(async (_runId, scope) =>
      scope === 'job'
        ? { ...CHANGES, scope: 'job', source: 'branch', note: 'the base commit 1111 no longer exists', commits: [], files: [], diff: '' }
        : CHANGES,
    );

    render(<ChangesView runId="r1" />);
    await screen.findAllByTestId('changes-file');
    fireEvent.change(screen.getByTestId('changes-scope'), { target: { value: 'job' } });

    await waitFor(() => expect(screen.getByTestId('changes-source').dataset.source).toBe('branch'));
    expect(read).toHaveBeenLastCalledWith('r1', 'job');
    expect(screen.getByTestId('changes-note').textContent).toContain('no longer exists');
    expect(screen.getByTestId('changes-none').textContent).toBe('No changes.');
    expect(screen.getByTestId('changes-commits').textContent).toContain('none');
  });
});

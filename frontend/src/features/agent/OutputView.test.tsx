import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../api/types';
import { OutputView } from './OutputView';

const ev = (seq: number, type: string, text: string, data: Record<string, unknown> | null = null): AgentEvent => ({
  runId: 'r',
  seq,
  type,
  text,
  data,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('OutputView', () => {
  it('renders each kind of event readably', () => {
    render(
      <OutputView
        events={[
          ev(1, 'system', 'session s started', { model: 'claude-sonnet-4-6' }),
          ev(2, 'assistant_text', 'Let me look.'),
          ev(3, 'tool_use', 'Bash', { id: 't1', input: { command: 'ls -la' } }),
          ev(4, 'tool_result', 'README.md', { toolUseId: 't1', isError: false }),
          ev(5, 'tool_result', 'permission denied', { toolUseId: 't2', isError: true }),
          ev(6, 'error', 'API Error: 500'),
          ev(7, 'result', 'All done.', { numTurns: 3, costUsd: 0.0123, durationMs: 4200, isError: false }),
        ]}
      />,
    );
    const entries = screen.getAllByTestId('output-entry');
    expect(entries.map((e) => e.dataset.type)).toEqual([
      'system',
      'assistant_text',
      'tool_use',
      'tool_result',
      'tool_result',
      'error',
      'result',
    ]);
    expect(entries[2].textContent).toContain('Bash');
    expect(entries[2].textContent).toContain('ls -la');
    expect(entries[4].dataset.error).toBe('true');
    expect(screen.getByTestId('result-cost').textContent).toContain('$0.0123');
    expect(screen.getByTestId('result-turns').textContent).toContain('3 turns');
    expect(entries[6].textContent).toContain('All done.');
  });

  it('shows new events as they arrive', () => {
    const first = [ev(1, 'assistant_text', 'one')];
    const { rerender } = render(<OutputView events={first} />);
    rerender(<OutputView events={[...first, ev(2, 'assistant_text', 'two')]} />);
    expect(screen.getAllByTestId('output-entry').map((e) => e.textContent)).toEqual(['one', 'two']);
  });

  it('shows and marks the event a search hit points at, however far back it is', () => {
    const events = Array.from({ length: 2000 }, (_, i) => ev(i + 1, 'assistant_text', `line ${i + 1}`));
    render(<OutputView events={events} focusSeq={5} />);

    const focused = screen.getAllByTestId('output-entry').filter((e) => e.getAttribute('data-focused') === 'true');
    expect(focused.map((e) => e.getAttribute('data-seq'))).toEqual(['5']);
    expect(focused[0].textContent).toBe('line 5');
  });
});

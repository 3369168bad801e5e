import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useReducer, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { OlderJobs } from '../../api/types';
import { LiveDispatchContext, LiveStateContext } from '../../live/LiveProvider';
import { useLive } from '../../live/hooks';
import { initialState, latestRun, liveReducer, type LiveState } from '../../live/store';
import { job, run } from '../../live/testRows';
import { LoadOlderJobs } from './LoadOlderJobs';

/** The newest two of five jobs, as a snapshot with a limit of two leaves the board. */
function boardOfTwoOfFive(): LiveState {
  return liveReducer(initialState, {
    type: 'snapshot',
    snapshot: {
      version: 1,
      jobs: [job('e', 'done', '2026-01-05T00:00:00Z'), job('d', 'done', '2026-01-04T00:00:00Z')],
      totalJobs: 5,
      runs: [],
      pendingQuestions: [],
      locks: [],
      settings: { maxConcurrentAgents: 20 },
    },
  });
}

function LiveStore({ start, children }: { start: LiveState; children: ReactNode }) {
  const [state, dispatch] = useReducer(liveReducer, start);
  return (
    <LiveDispatchContext.Provider value={dispatch}>
      <LiveStateContext.Provider value={state}>{children}</LiveStateContext.Provider>
    </LiveDispatchContext.Provider>
  );
}

function Board() {
  const state = useLive();
  return (
    <div>
      <span data-testid="order">{state.jobOrder.join(',')}</span>
      <span data-testid="total">{state.totalJobs}</span>
      <span data-testid="latest-run-of-c">{latestRun(state, 'c')?.id ?? ''}</span>
    </div>
  );
}

describe('load older jobs', () => {
  it('reads the jobs after the oldest held and adds them, with their runs, below the rest', async () => {
    const load = vi.fn(
      async (_before: string): Promise<OlderJobs> => ({
        jobs: [job('c', 'done', '2026-01-03T00:00:00Z'), job('b', 'done', '2026-01-02T00:00:00Z')],
        runs: [run('rc', 'c', 'done', '2026-01-01T00:00:00Z')],
        more: true,
      }),
    );
    render(
      <LiveStore start={boardOfTwoOfFive()}>
        <LoadOlderJobs load={load} />
        <Board />
      </LiveStore>,
    );
    expect(screen.getByTestId('jobs-load-older').textContent).toBe('Load older jobs (3 more)');

    fireEvent.click(screen.getByTestId('jobs-load-older'));

    await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('e,d,c,b'));
    expect(load).toHaveBeenCalledWith('d');
    // Older jobs were counted all along: the total stays.
    expect(screen.getByTestId('total').textContent).toBe('5');
    expect(screen.getByTestId('latest-run-of-c').textContent).toBe('rc');
    expect(screen.getByTestId('jobs-load-older').textContent).toBe('Load older jobs (1 more)');
  });

  it('is not shown once the board holds every job', () => {
    const all = liveReducer(boardOfTwoOfFive(), {
      type: 'olderJobs',
      jobs: [job('c', 'done', '2026-01-03T00:00:00Z'), job('b', 'done', '2026-01-02T00:00:00Z'), job('a', 'done', '2026-01-01T00:00:00Z')],
      runs: [],
    });
    render(
      <LiveStore start={all}>
        <LoadOlderJobs load={vi.fn()} />
      </LiveStore>,
    );
    expect(screen.queryByTestId('jobs-load-older')).toBeNull();
  });

  it('says why when the read fails, and keeps the button', async () => {
    const load = vi.fn(async (): Promise<OlderJobs> => {
      throw new ApiError(404, 'no job with id d', null);
    });
    render(
      <LiveStore start={boardOfTwoOfFive()}>
        <LoadOlderJobs load={load} />
      </LiveStore>,
    );

    fireEvent.click(screen.getByTestId('jobs-load-older'));

    await waitFor(() => expect(screen.getByTestId('jobs-load-older-error').textContent).toBe('no job with id d'));
    expect((screen.getByTestId('jobs-load-older') as HTMLButtonElement).disabled).toBe(false);
  });
});

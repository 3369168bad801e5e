import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobGraph } from '../../api/types';

const node = (id: string) => ({ id, title: id, status: 'done', model: 'm', attempt: 1, createdAt: '2026-11-20T00:00:00Z' });
const GRAPH: JobGraph = { nodes: [node('plan'), node('build')], edges: [{ source: 'plan', target: 'build', kind: 'dependsOn' }], truncated: false };

/** Fresh modules per test: what the page started as it opened is module state. */
async function modules() {
  vi.resetModules();
  const early = await import('./earlyGraph');
  const live = await import('../../live/liveStart');
  return { ...early, ...live };
}

/** Whether a promise has settled by the time pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('the graph read as the page opens', () => {
  afterEach(() => vi.useRealTimers());

  it('starts reading the window and project of the address at once, and hands that answer over once', async () => {
    const { startEarlyGraph, takeEarlyGraph } = await modules();
    const load = vi.fn(async () => GRAPH);
    const before = Date.now();

    expect(startEarlyGraph({ pathname: '/graph', search: '?days=1&project=p1' }, load)).toBe(true);

    expect(load).toHaveBeenCalledTimes(1);
    const [since, project] = load.mock.calls[0] as unknown as [string, string];
    expect(project).toBe('p1');
    expect(Date.parse(since)).toBeGreaterThanOrEqual(before - 86_400_000);
    expect(Date.parse(since)).toBeLessThanOrEqual(Date.now() - 86_400_000);
    const taken = takeEarlyGraph(1, 'p1');
    expect(taken).not.toBeNull();
    await expect(taken!).resolves.toBe(GRAPH);
    expect(takeEarlyGraph(1, 'p1')).toBeNull();
  });

  it('is not handed to a view of another window or project', async () => {
    const { startEarlyGraph, takeEarlyGraph } = await modules();
    startEarlyGraph({ pathname: '/graph', search: '?days=1' }, async () => GRAPH);

    expect(takeEarlyGraph(7, null)).toBeNull();
    expect(takeEarlyGraph(1, 'p1')).toBeNull();
    expect(takeEarlyGraph(1, null)).not.toBeNull();
  });

  it('is not started on any other page, and the live connection opens at once there', async () => {
    const { startEarlyGraph, takeEarlyGraph, liveMayStart } = await modules();
    const load = vi.fn(async () => GRAPH);

    expect(startEarlyGraph({ pathname: '/timeline', search: '?days=1' }, load)).toBe(false);

    expect(load).not.toHaveBeenCalled();
    expect(takeEarlyGraph(7, null)).toBeNull();
    expect(await settled(liveMayStart())).toBe(true);
  });

  it('holds the live connection back until the graph is drawn', async () => {
    const { startEarlyGraph, graphDrawn, liveMayStart } = await modules();
    startEarlyGraph({ pathname: '/graph', search: '' }, async () => GRAPH);

    expect(await settled(liveMayStart())).toBe(false);
    graphDrawn();
    expect(await settled(liveMayStart())).toBe(true);
  });

  it('holds the live connection back for a bounded time only', async () => {
    vi.useFakeTimers();
    const { startEarlyGraph, liveMayStart, LIVE_HOLD_MILLIS } = await modules();
    startEarlyGraph({ pathname: '/graph', search: '' }, () => new Promise<JobGraph>(() => {}));
    let open = false;
    void liveMayStart().then(() => (open = true));

    await vi.advanceTimersByTimeAsync(LIVE_HOLD_MILLIS - 1);
    expect(open).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toBe(true);
  });
});

describe('the graph view on a page opened on it', () => {
  beforeEach(() => {
    // React Flow measures its canvas; jsdom has no layout, so nothing is measured.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    window.history.pushState({}, '', '/graph?days=1');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.pushState({}, '', '/');
  });

  it('shows the answer the page started reading instead of asking again, and reads anew on refresh', async () => {
    const { startEarlyGraph, liveMayStart } = await modules();
    const { GraphPanel } = await import('./GraphPanel');
    const early = vi.fn(async () => GRAPH);
    const load = vi.fn(async (): Promise<JobGraph> => ({ ...GRAPH, nodes: [...GRAPH.nodes, node('ship')] }));
    startEarlyGraph(window.location, early);

    render(<GraphPanel load={load} />);

    const summary = await screen.findByTestId('graph-summary');
    expect(summary.dataset.nodes).toBe('2');
    expect(early).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
    // Drawn: the live connection may open now.
    await waitFor(async () => expect(await settled(liveMayStart())).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: 'refresh' }));
    await waitFor(() => expect(screen.getByTestId('graph-summary').dataset.nodes).toBe('3'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(early).toHaveBeenCalledTimes(1);
  });
});

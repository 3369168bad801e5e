import type { JobGraph } from '../../api/types';
import type { Point } from './graphLayout';
import type { LayoutProgress, LayoutRequest } from './layoutWorker';

/** One graph's layout in the worker: what is placed so far, and who wants to hear of more. */
export interface LayoutRun {
  graph: JobGraph;
  positions: Record<string, Point>;
  done: boolean;
  /** The worker failed (it could not load, or the layout threw): the caller lays the graph out itself. */
  failed: boolean;
  listeners: Set<() => void>;
}

let worker: Worker | null | undefined;
let nextId = 1;
const inFlight = new Map<number, LayoutRun>();
const runs = new WeakMap<JobGraph, LayoutRun>();

/** One worker for the page, made on first use; null where there is none (tests in jsdom). */
export function layoutWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
    worker?.addEventListener('message', (event: MessageEvent<LayoutProgress>) => {
      const run = inFlight.get(event.data.id);
      if (!run) return;
      if (Object.keys(run.positions).length === 0) performance.mark('graph-layout-first-batch');
      run.positions = { ...run.positions, ...event.data.positions };
      run.done = event.data.done;
      if (run.done) inFlight.delete(event.data.id);
      run.listeners.forEach((listener) => listener());
    });
    worker?.addEventListener('error', () => {
      for (const run of inFlight.values()) {
        run.failed = true;
        run.listeners.forEach((listener) => listener());
      }
      inFlight.clear();
    });
  }
  return worker;
}

/**
 * Lays a graph out in the worker, newest jobs first, or joins the layout already under way for the same graph (the
 * page that opened on the graph starts it as soon as the answer arrives, before the view is rendered). Null without
 * a worker. Only the newest request is finished: the worker drops an older one when a newer arrives.
 */
export function layoutInWorker(graph: JobGraph): LayoutRun | null {
  const known = runs.get(graph);
  if (known) return known;
  const background = layoutWorker();
  if (!background) return null;
  const request: LayoutRequest = { id: nextId++, graph };
  const run: LayoutRun = { graph, positions: {}, done: false, failed: false, listeners: new Set() };
  runs.set(graph, run);
  for (const [id, older] of inFlight) {
    inFlight.delete(id);
    runs.delete(older.graph);
  }
  inFlight.set(request.id, run);
  performance.mark('graph-layout-requested');
  background.postMessage(request);
  return run;
}

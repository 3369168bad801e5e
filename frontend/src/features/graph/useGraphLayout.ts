import { useEffect, useMemo, useRef, useState } from 'react';
import type { JobGraph } from '../../api/types';
import { layoutPositions, type Point } from './graphLayout';
import type { LayoutProgress, LayoutRequest } from './layoutWorker';

/** A graph and where its jobs are so far; {@code done} once every job has its place. */
export interface GraphLayout {
  graph: JobGraph;
  positions: Record<string, Point>;
  done: boolean;
}

let worker: Worker | null | undefined;
let nextId = 1;

/** One worker for the page, made on first use; null where there is none (tests in jsdom). */
function layoutWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  return worker;
}

/**
 * Lays the graph out off the main thread, newest jobs first, and returns what is placed so far: the view opens on
 * the newest jobs while older ones are still being laid out, and the page stays responsive meanwhile. Until the new
 * graph's first jobs are placed, the previous layout stays on screen. Without a worker, lays out all at once.
 */
export function useGraphLayout(graph: JobGraph | null): GraphLayout | null {
  const background = layoutWorker();
  const inline = useMemo(() => (graph && !background ? { graph, positions: layoutPositions(graph), done: true } : null), [graph, background]);
  const [progress, setProgress] = useState<GraphLayout | null>(null);
  const pending = useRef<{ id: number; graph: JobGraph; positions: Record<string, Point> } | null>(null);

  useEffect(() => {
    if (!graph || !background) return;
    const request: LayoutRequest = { id: nextId++, graph };
    pending.current = { id: request.id, graph, positions: {} };
    const onMessage = (event: MessageEvent<LayoutProgress>) => {
      const current = pending.current;
      if (!current || event.data.id !== current.id) return;
      if (Object.keys(current.positions).length === 0) performance.mark('graph-layout-first-batch');
      current.positions = { ...current.positions, ...event.data.positions };
      setProgress({ graph: current.graph, positions: current.positions, done: event.data.done });
    };
    // Should the worker fail (it could not load, or the layout threw), the page lays the graph out itself.
    const onError = () => {
      if (pending.current?.id === request.id) setProgress({ graph, positions: layoutPositions(graph), done: true });
    };
    background.addEventListener('message', onMessage);
    background.addEventListener('error', onError);
    performance.mark('graph-layout-requested');
    background.postMessage(request);
    return () => {
      background.removeEventListener('message', onMessage);
      background.removeEventListener('error', onError);
    };
  }, [graph, background]);

  return background ? progress : inline;
}

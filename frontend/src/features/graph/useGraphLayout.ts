import { useEffect, useMemo, useState } from 'react';
import type { JobGraph } from '../../api/types';
import { layoutPositions, type Point } from './graphLayout';
import { layoutInWorker, layoutWorker } from './layoutClient';

/** A graph and where its jobs are so far; {@code done} once every job has its place. */
export interface GraphLayout {
  graph: JobGraph;
  positions: Record<string, Point>;
  done: boolean;
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

  useEffect(() => {
    if (!graph || !background) return;
    const run = layoutInWorker(graph);
    if (!run) return;
    const update = () => {
      // Should the worker fail, the page lays the graph out itself.
      if (run.failed) setProgress({ graph, positions: layoutPositions(graph), done: true });
      else if (run.done || Object.keys(run.positions).length > 0) setProgress({ graph, positions: run.positions, done: run.done });
    };
    run.listeners.add(update);
    update();
    return () => {
      run.listeners.delete(update);
    };
  }, [graph, background]);

  return background ? progress : inline;
}

import type { JobGraph } from '../../api/types';
import { blocksOf, layoutBlock, Shelves, type PlacedBlock, type Point } from './graphLayout';

/** A graph to lay out; {@link LayoutProgress} messages answer it, the last with {@code done}. */
export interface LayoutRequest {
  id: number;
  graph: JobGraph;
}

/** Positions of the jobs laid out since the last message of the same request. */
export interface LayoutProgress {
  id: number;
  positions: Record<string, Point>;
  done: boolean;
}

/**
 * Jobs in the first message: what the view opens on (GraphPanel fits it to as many), so it is drawn before the rest
 * is laid out. Small, because laying out a block with dagre costs milliseconds and so does drawing a node.
 */
export const FIRST_BATCH = 50;
/**
 * Later messages go out at most this often: each one costs the page a pass over every node and link, so a few
 * large ones beat many small ones.
 */
const BATCH_MILLIS = 1_000;
/** Layouts of blocks seen before (the graph is read again on every live change; most blocks stay the same). */
const MAX_CACHED = 5_000;
const cache = new Map<string, PlacedBlock>();
let latest = 0;

function cached(key: string, make: () => PlacedBlock): PlacedBlock {
  let placed = cache.get(key);
  if (!placed) {
    if (cache.size >= MAX_CACHED) cache.clear();
    placed = make();
    cache.set(key, placed);
  }
  return placed;
}

// Typed by hand: the worker's own lib (webworker) clashes with the DOM lib the rest of the dashboard compiles with.
const scope = self as unknown as {
  postMessage(message: LayoutProgress): void;
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
};

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  latest = id;
  const shelves = new Shelves();
  let batch: Record<string, Point> = {};
  let inBatch = 0;
  let sent = 0;
  let last = performance.now();
  for (const block of blocksOf(graph)) {
    Object.assign(batch, shelves.place(cached(block.key, () => layoutBlock(block))));
    inBatch += block.nodeIds.length;
    const now = performance.now();
    if ((sent === 0 && inBatch >= FIRST_BATCH) || (sent > 0 && now - last >= BATCH_MILLIS)) {
      scope.postMessage({ id, positions: batch, done: false } satisfies LayoutProgress);
      sent += inBatch;
      batch = {};
      inBatch = 0;
      last = now;
      // Let a newer request (the graph was read again) take over instead of finishing this one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (latest !== id) return;
    }
  }
  scope.postMessage({ id, positions: batch, done: true } satisfies LayoutProgress);
};

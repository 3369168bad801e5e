import { api } from '../../api/client';
import type { JobGraph } from '../../api/types';
import { holdLiveUntil } from '../../live/liveStart';
import { activeProjectOf } from '../projects/projectParam';
import { layoutInWorker, layoutWorker } from './layoutClient';

export const GRAPH_PATH = '/graph';
/** The live connection waits at most this long for the graph to be drawn. */
export const LIVE_HOLD_MILLIS = 3_000;

/** The window and project a graph address asks for (`?days=`, default 7; the board's `?project=`). */
export function graphWindowOf(query: URLSearchParams): { days: number; project: string | null } {
  return { days: Number(query.get('days') ?? 7) || 7, project: activeProjectOf(query) };
}

/** The start of a window of `days` days ending now. */
export function sinceOf(days: number, now = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString();
}

const keyOf = (days: number, project: string | null) => `${days}|${project ?? ''}`;

let early: { key: string; graph: Promise<JobGraph> } | null = null;
let markDrawn: () => void = () => {};

/**
 * When the page opens on the graph, starts reading it (and fetching the view's code) before the dashboard has
 * rendered: otherwise the request waits for the main script, the first render and the view's chunk. The live
 * connection waits until the graph is drawn. Returns whether it started anything.
 */
export function startEarlyGraph(
  url: { pathname: string; search: string },
  load: (since?: string, projectId?: string) => Promise<JobGraph> = api.graph,
): boolean {
  if (url.pathname !== GRAPH_PATH) return false;
  const { days, project } = graphWindowOf(new URLSearchParams(url.search));
  layoutWorker(); // its script loads meanwhile
  const graph = load(sinceOf(days), project ?? undefined);
  // Laid out as soon as it arrives; the view joins that layout. A failure is the view's to report when it takes it.
  graph.then(layoutInWorker, () => {});
  early = { key: keyOf(days, project), graph };
  import('./GraphPanel').catch(() => {}); // should it fail, the route loads it again and says so
  holdLiveUntil(new Promise<void>((resolve) => (markDrawn = resolve)), LIVE_HOLD_MILLIS);
  return true;
}

/** The graph read as the page opened, once, if it is for this window and project; otherwise null. */
export function takeEarlyGraph(days: number, project: string | null): Promise<JobGraph> | null {
  if (!early || early.key !== keyOf(days, project)) return null;
  const graph = early.graph;
  early = null;
  return graph;
}

/** The graph view is on screen (drawn, empty or failed): the live connection may open. */
export function graphDrawn(): void {
  early = null;
  markDrawn();
}

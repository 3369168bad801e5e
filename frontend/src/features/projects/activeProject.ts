import { navigate } from '../common';

/** The board's active project lives in the URL (`?project=<id>`), so a link opens the same view. */
export const PROJECT_PARAM = 'project';

/** The active project of a query, or null for all jobs. */
export function activeProjectOf(query: URLSearchParams): string | null {
  return query.get(PROJECT_PARAM) || null;
}

/** `path` with the active project's query kept, e.g. for opening a job from a filtered board. */
export function withProject(path: string, projectId: string | null): string {
  return projectId ? `${path}?${PROJECT_PARAM}=${encodeURIComponent(projectId)}` : path;
}

/** Switches the board to a project (null: all jobs), staying on the current view. */
export function switchProject(projectId: string | null): void {
  navigate(withProject(window.location.pathname, projectId));
}

// Apart from activeProject.ts, which needs the router: the script that runs before the dashboard reads it too and
// should not bring React along.

/** The board's active project lives in the URL (`?project=<id>`), so a link opens the same view. */
export const PROJECT_PARAM = 'project';

/** The active project of a query, or null for all jobs. */
export function activeProjectOf(query: URLSearchParams): string | null {
  return query.get(PROJECT_PARAM) || null;
}

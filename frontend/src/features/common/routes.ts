import type { ReactNode } from 'react';
import { matchPath, useLocation, type RouteParams } from './router';

/** What a route shows: a side panel beside the board, or a page in the board's place. */
export type RouteLayout = 'side' | 'page';

/** One dashboard URL. Panels add theirs with {@link registerRoute} (see src/routes.tsx). */
export interface RouteDef {
  /** `/workflows/:id`; `:name` takes one path segment, a trailing `*` the rest. */
  path: string;
  /** Renders the view; `params` are the pattern's `:name` values. Omit for `/` (the board alone). */
  render?: (params: RouteParams) => ReactNode;
  /** `side` (default): a panel beside the board, full-screen on phones. `page`: replaces the board. */
  layout?: RouteLayout;
  /** Shown in the top bar's nav when set. */
  nav?: { label: string; testId?: string; primary?: boolean };
}

/** A registered route that matched the current path. */
export interface RouteMatch {
  route: RouteDef;
  params: RouteParams;
  path: string;
  query: URLSearchParams;
}

const registry: RouteDef[] = [];

/** Adds routes; a later registration of the same path replaces the earlier one. Order decides matching. */
export function registerRoute(...routes: RouteDef[]): void {
  for (const route of routes) {
    const at = registry.findIndex((r) => r.path === route.path);
    if (at >= 0) registry[at] = route;
    else registry.push(route);
  }
}

export function registeredRoutes(): readonly RouteDef[] {
  return registry;
}

/** The first registered route matching `path`, or null (an unknown URL). */
export function matchRoute(path: string, query = new URLSearchParams()): RouteMatch | null {
  for (const route of registry) {
    const params = matchPath(route.path, path);
    if (params) return { route, params, path, query };
  }
  return null;
}

/** The registered route at the browser's URL (null for an unknown one), re-rendering as it changes. */
export function useRoute(): RouteMatch | null {
  const { path, query } = useLocation();
  return matchRoute(path, query);
}

import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** Path parameters of a matched route, e.g. `{ id: '42' }` for `/jobs/:id` at `/jobs/42`. */
export type RouteParams = Record<string, string>;

/** Where the browser is: the path, its query, and the registered route it matched (if any). */
export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();
let current: string | null = null;

function readLocation(): string {
  return window.location.pathname + window.location.search;
}

function notify() {
  current = readLocation();
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function snapshot(): string {
  if (current === null) current = readLocation();
  return current;
}

/** Goes to a dashboard URL (History API; no page load). `replace` rewrites the current entry instead. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === readLocation()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

/** The browser's current path and query; re-renders on navigate() and on back/forward. */
export function useLocation(): Location {
  const full = useSyncExternalStore(subscribe, snapshot, snapshot);
  const q = full.indexOf('?');
  return { path: q < 0 ? full : full.slice(0, q), query: new URLSearchParams(q < 0 ? '' : full.slice(q + 1)) };
}

/**
 * Matches `/jobs/:id` style patterns against a path: literal segments compare exactly, `:name` takes one segment
 * (URL-decoded), a trailing `*` takes the rest as `params['*']`. Returns null when it does not match.
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = segments(pattern);
  const have = segments(path);
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === '*') {
      params['*'] = have.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    if (i >= have.length) return null;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(have[i]);
    else if (w !== have[i]) return null;
  }
  return have.length === want.length ? params : null;
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Fills a pattern's `:name` segments: `pathOf('/jobs/:id', { id })` gives `/jobs/42`. */
export function pathOf(pattern: string, params: RouteParams = {}): string {
  return (
    '/' +
    segments(pattern)
      .map((s) => (s.startsWith(':') ? encodeURIComponent(params[s.slice(1)] ?? '') : s))
      .join('/')
  );
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children?: ReactNode };

/** An in-app link: a real href (open in a new tab works), navigate() on a plain left click. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const go = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={go} {...rest}>
      {children}
    </a>
  );
}

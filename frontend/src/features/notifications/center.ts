import { useSyncExternalStore } from 'react';
import type { Need } from './needsYou';

/** The needs raised since the page opened and not yet dealt with (opening their panel deals with them). */
let open: Need[] = [];
const listeners = new Set<() => void>();

function changed(next: Need[]) {
  open = next;
  listeners.forEach((l) => l());
}

export function addNeeds(needs: Need[]): void {
  const known = new Set(open.map((n) => n.id));
  const fresh = needs.filter((n) => !known.has(n.id));
  if (fresh.length) changed([...open, ...fresh]);
}

/** The person opened this job: what it needed them for is seen. */
export function markJobSeen(jobId: string): void {
  if (open.some((n) => n.jobId === jobId)) changed(open.filter((n) => n.jobId !== jobId));
}

export function dismissAll(): void {
  if (open.length) changed([]);
}

export function useOpenNeeds(): Need[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}

import { useCallback, useState } from 'react';
import type { Job } from '../../api/types';

const KEY = 'autodev.seen';

interface Seen {
  /** When this browser first opened the dashboard: jobs finished before then count as read. */
  since: string;
  jobs: Record<string, string>;
}

function load(): Seen {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as Seen;
  } catch {
    /* fall through */
  }
  const fresh = { since: new Date().toISOString(), jobs: {} };
  save(fresh);
  return fresh;
}

function save(seen: Seen) {
  try {
    localStorage.setItem(KEY, JSON.stringify(seen));
  } catch {
    /* private mode: unread marks last for this page only */
  }
}

/** Which finished jobs have output nobody opened yet, remembered in this browser. */
export function useSeen() {
  const [seen, setSeen] = useState<Seen>(load);
  const isUnread = useCallback(
    (job: Job) => job.status === 'done' && job.updatedAt > seen.since && (seen.jobs[job.id] ?? '') < job.updatedAt,
    [seen],
  );
  const markSeen = useCallback((job: Job) => {
    setSeen((current) => {
      if ((current.jobs[job.id] ?? '') >= job.updatedAt) return current;
      const next = { ...current, jobs: { ...current.jobs, [job.id]: job.updatedAt } };
      save(next);
      return next;
    });
  }, []);
  return { isUnread, markSeen };
}

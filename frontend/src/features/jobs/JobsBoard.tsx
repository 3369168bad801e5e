import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Job } from '../../api/types';
import { useLive } from '../../live/hooks';
import { useLocation } from '../common';
import { activeProjectOf } from '../projects/activeProject';
import { ProjectSwitcher } from '../projects/ProjectSwitcher';
import { healthWarningsOf, latestRun, pendingQuestionOf } from '../../live/store';
import { JobCard } from './JobCard';
import { LoadOlderJobs } from './LoadOlderJobs';
import { cardState, type CardState } from './cardState';

const FILTERS: { id: string; label: string; states: CardState[] | null }[] = [
  { id: 'all', label: 'All', states: null },
  { id: 'active', label: 'Active', states: ['running', 'waiting'] },
  { id: 'waiting', label: 'Needs answer', states: ['waiting'] },
  { id: 'queued', label: 'Queued', states: ['queued'] },
  { id: 'done', label: 'Done', states: ['unread', 'idle', 'done'] },
  { id: 'failed', label: 'Failed / cancelled', states: ['dim'] },
];

const CARD_WIDTH = 260;
const ROW_HEIGHT = 88;

interface Props {
  selectedJobId: string | null;
  onOpen: (jobId: string) => void;
  isUnread: (job: Job) => boolean;
}

/**
 * All known jobs that are not archived as cards, newest first, filtered (by state, flag, the active project from
 * the URL, and a search) and virtualised so thousands stay quick.
 */
export function JobsBoard({ selectedJobId, onOpen, isUnread }: Props) {
  const state = useLive();
  const project = activeProjectOf(useLocation().query);
  const [filter, setFilter] = useState('all');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [search, setSearch] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(CARD_WIDTH * 3);

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const cards = useMemo(() => {
    const wanted = FILTERS.find((f) => f.id === filter)?.states ?? null;
    const needle = search.trim().toLowerCase();
    const out = [];
    for (const id of state.jobOrder) {
      const job = state.jobs[id];
      if (!job || job.archivedAt) continue;
      if (project && job.projectId !== project) continue;
      if (flaggedOnly && !job.flagged) continue;
      if (needle && !`${job.title} ${job.id} ${job.description}`.toLowerCase().includes(needle)) continue;
      const run = latestRun(state, id);
      const cs = cardState(job, run, isUnread(job), !!pendingQuestionOf(state, run?.id));
      if (wanted && !wanted.includes(cs)) continue;
      out.push({ job, run, state: cs, warnings: healthWarningsOf(state, run) });
    }
    return out;
  }, [state, filter, search, isUnread, project, flaggedOnly]);

  const columns = Math.max(1, Math.floor(width / CARD_WIDTH));
  const rows = Math.ceil(cards.length / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1000, height: 800 },
  });

  return (
    <section className="board" data-testid="jobs-board">
      <div className="board-toolbar">
        <ProjectSwitcher active={project} />
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className={`chip${filter === f.id ? ' chip-on' : ''}`}
            data-testid={`jobs-filter-${f.id}`}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
        <button
          type="button"
          className={`chip${flaggedOnly ? ' chip-on' : ''}`}
          data-testid="jobs-filter-flagged"
          aria-pressed={flaggedOnly}
          onClick={() => setFlaggedOnly((on) => !on)}
        >
          ★ Flagged
        </button>
        <input
          className="search"
          placeholder="Search jobs"
          value={search}
          data-testid="jobs-search"
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="muted" data-testid="jobs-count">
          {cards.length} shown · {state.totalJobs} jobs
        </span>
      </div>
      <div className="board-scroll" ref={scroller}>
        {state.hasSnapshot && cards.length === 0 && (
          <div className="empty">{filter !== 'all' || search.trim() || project || flaggedOnly ? 'No jobs match.' : 'No jobs here yet.'}</div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              className="board-row"
              style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, 1fr)` }}
            >
              {cards.slice(row.index * columns, row.index * columns + columns).map((c) => (
                <JobCard
                  key={c.job.id}
                  job={c.job}
                  run={c.run}
                  state={c.state}
                  selected={c.job.id === selectedJobId}
                  onOpen={onOpen}
                  warnings={c.warnings}
                />
              ))}
            </div>
          ))}
        </div>
        <LoadOlderJobs />
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { EmptyState, Link, navigate, registeredRoutes, useLocation, useRoute } from './features/common';
import { JobsBoard } from './features/jobs/JobsBoard';
import { useSeen } from './features/jobs/seen';
import { NotificationCenter } from './features/notifications/NotificationCenter';
import { activeProjectOf, withProject } from './features/projects/activeProject';
import { useHealthWarningsPolling, useLive } from './live/hooks';
import './routes';

// Opening a job keeps the board on its project.
const openJob = (jobId: string) =>
  navigate(withProject(`/jobs/${encodeURIComponent(jobId)}`, activeProjectOf(new URLSearchParams(window.location.search))));

export function App() {
  const state = useLive();
  const route = useRoute();
  const { path, query } = useLocation();
  const project = activeProjectOf(query);
  const [menuOpen, setMenuOpen] = useState(false);
  const { isUnread, markSeen } = useSeen();
  useHealthWarningsPolling();
  const selected = route?.route.path === '/jobs/:id' ? route.params.id : null;
  const selectedJob = selected ? state.jobs[selected] : undefined;

  // Looking at a finished job's panel reads its output.
  useEffect(() => {
    if (selectedJob) markSeen(selectedJob);
  }, [selectedJob, markSeen]);

  // The phone menu closes once a link in it was followed.
  useEffect(() => setMenuOpen(false), [path]);

  const active = Object.values(state.runs).filter((r) => r.status === 'starting' || r.status === 'running').length;
  const waiting = Object.values(state.questions).filter((q) => q.status === 'pending').length;
  const view = route ? route.route.render?.(route.params) : <EmptyState testId="route-unknown">No page at {path}. <Link to="/">Back to the board</Link></EmptyState>;
  const page = !route || route.route.layout === 'page';

  return (
    <div className="app">
      <NotificationCenter />
      <header className="topbar">
        <Link to={withProject('/', project)} className="brand" data-testid="nav-home">
          autodev
        </Link>
        <span className={`conn conn-${state.connection}`} data-testid="connection-status" data-state={state.connection}>
          {state.connection}
        </span>
        <span className="muted topbar-stats">
          {active} running · {waiting} waiting · {state.locks.length} locks · max {state.settings?.maxConcurrentAgents ?? '–'}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="nav-toggle"
          data-testid="nav-menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          ☰ Menu
        </button>
        <nav id="main-nav" className={`nav${menuOpen ? ' nav-open' : ''}`} aria-label="main" data-testid="main-nav">
          {registeredRoutes()
            .filter((r) => r.nav)
            .map((r) => {
              const on = route?.route === r;
              return (
                <Link
                  key={r.path}
                  // Following the link of the open panel closes it, as the buttons did.
                  to={withProject(on ? '/' : r.path, project)}
                  className={`nav-link${r.nav!.primary ? ' nav-primary' : ''}${on ? ' nav-on' : ''}`}
                  aria-current={on ? 'page' : undefined}
                  data-testid={r.nav!.testId}
                >
                  {r.nav!.label}
                </Link>
              );
            })}
        </nav>
      </header>
      <main className="main">
        {!page && <JobsBoard selectedJobId={selected} onOpen={openJob} isUnread={isUnread} />}
        {page ? (
          <div className="page" data-route={route?.route.path ?? ''}>
            {view}
          </div>
        ) : (
          view && (
            <aside className="panel" data-route={route.route.path}>
              {view}
            </aside>
          )
        )}
      </main>
    </div>
  );
}

import { AgentPanel } from './features/agent/AgentPanel';
import { navigate, registerRoute } from './features/common';
import { LocksNotesPanel } from './features/coordination/LocksNotesPanel';
import { JobForm } from './features/jobs/JobForm';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './features/common';
import { NotificationsPanel } from './features/notifications/NotificationsPanel';
import { SearchPanel } from './features/search/SearchPanel';

/** Panels with charts load their code (ECharts, React Flow) when first opened, not with the board. */
function later(load: () => Promise<ComponentType>) {
  const Panel = lazy(() => load().then((component) => ({ default: component })));
  return () => (
    <Suspense fallback={<Loading />}>
      <Panel />
    </Suspense>
  );
}

const TimelinePanel = later(() => import('./features/timeline/TimelinePanel').then((m) => m.TimelinePanel));
const GraphPanel = later(() => import('./features/graph/GraphPanel').then((m) => m.GraphPanel));
const UsagePanel = later(() => import('./features/usage/UsagePanel').then((m) => m.UsagePanel));

const openJob = (id: string) => navigate(`/jobs/${encodeURIComponent(id)}`);
const home = () => navigate('/');

/**
 * Every dashboard URL. A panel adds its own with one line (a side panel beside the board unless `layout: 'page'`,
 * and a top-bar link when it has `nav`), e.g.
 * `registerRoute({ path: '/workflows/:id', render: (p) => <WorkflowPanel id={p.id} /> });`
 */
registerRoute(
  { path: '/' },
  { path: '/jobs/:id', render: (p) => <AgentPanel jobId={p.id} onClose={home} onOpenJob={openJob} /> },
  {
    path: '/new',
    nav: { label: 'New job', testId: 'new-job-button', primary: true },
    render: () => <JobForm onCreated={(job) => openJob(job.id)} onCancel={home} />,
  },
  { path: '/locks', nav: { label: 'Locks & notes', testId: 'locks-button' }, render: () => <LocksNotesPanel onOpenJob={openJob} /> },
  { path: '/search', nav: { label: 'Search', testId: 'search-button' }, render: () => <SearchPanel />, layout: 'page' },
  { path: '/timeline', nav: { label: 'Timeline', testId: 'timeline-button' }, render: () => <TimelinePanel />, layout: 'page' },
  { path: '/graph', nav: { label: 'Graph', testId: 'graph-button' }, render: () => <GraphPanel />, layout: 'page' },
  { path: '/usage', nav: { label: 'Usage', testId: 'usage-button' }, render: () => <UsagePanel /> },
  { path: '/notifications', nav: { label: 'Needs you', testId: 'notifications-button' }, render: () => <NotificationsPanel /> },
  { path: '/settings', nav: { label: 'Settings', testId: 'settings-button' }, render: () => <SettingsPanel /> },
);

import { AgentPanel } from './features/agent/AgentPanel';
import { ArchivePanel } from './features/archive/ArchivePanel';
import { BatchesPanel } from './features/batches/BatchesPanel';
import { ProjectsPanel } from './features/projects/ProjectsPanel';
import { TemplatesPanel } from './features/templates/TemplatesPanel';
import { later, navigate, registerRoute } from './features/common';
import { LocksNotesPanel } from './features/coordination/LocksNotesPanel';
import { DebateForm } from './features/debates/DebateForm';
import { DebatePanel } from './features/debates/DebatePanel';
import { DebatesPage } from './features/debates/DebatesPage';
import { JobForm } from './features/jobs/JobForm';
import { activeProjectOf, withProject } from './features/projects/activeProject';
import { KnowledgeBasePanel } from './features/kb/KnowledgeBasePanel';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { NotificationsPanel } from './features/notifications/NotificationsPanel';
import { SearchPanel } from './features/search/SearchPanel';
import { NewWorkflowForm } from './features/workflows/NewWorkflowForm';
import { WorkflowDetail } from './features/workflows/WorkflowDetail';
import { WorkflowsList } from './features/workflows/WorkflowsList';

// Panels with charts load their code (ECharts, React Flow) when first opened, not with the board.
const TimelinePanel = later(() => import('./features/timeline/TimelinePanel').then((m) => m.TimelinePanel));
const GraphPanel = later(() => import('./features/graph/GraphPanel').then((m) => m.GraphPanel));
const UsagePanel = later(() => import('./features/usage/UsagePanel').then((m) => m.UsagePanel));

// The board's active project (?project=) stays as panels open and close.
const project = () => activeProjectOf(new URLSearchParams(window.location.search));
const openJob = (id: string) => navigate(withProject(`/jobs/${encodeURIComponent(id)}`, project()));
const home = () => navigate(withProject('/', project()));

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
  { path: '/projects', nav: { label: 'Projects', testId: 'projects-button' }, render: () => <ProjectsPanel /> },
  { path: '/templates', nav: { label: 'Templates', testId: 'templates-button' }, render: () => <TemplatesPanel /> },
  { path: '/batches', nav: { label: 'Batch', testId: 'batches-button' }, render: () => <BatchesPanel /> },
  { path: '/archive', layout: 'page', nav: { label: 'Archive', testId: 'archive-button' }, render: () => <ArchivePanel /> },
  { path: '/locks', nav: { label: 'Locks & notes', testId: 'locks-button' }, render: () => <LocksNotesPanel onOpenJob={openJob} /> },
  { path: '/debates', layout: 'page', nav: { label: 'Debate', testId: 'debates-button' }, render: () => <DebatesPage /> },
  {
    path: '/debates/new',
    layout: 'page',
    render: () => <DebateForm onCreated={(d) => navigate(`/debates/${encodeURIComponent(d.id)}`)} onCancel={() => navigate('/debates')} />,
  },
  { path: '/debates/:id', layout: 'page', render: (p) => <DebatePanel id={p.id} onClose={() => navigate('/debates')} /> },
  { path: '/search', nav: { label: 'Search', testId: 'search-button' }, render: () => <SearchPanel />, layout: 'page' },
  { path: '/timeline', nav: { label: 'Timeline', testId: 'timeline-button' }, render: () => <TimelinePanel />, layout: 'page' },
  { path: '/graph', nav: { label: 'Graph', testId: 'graph-button' }, render: () => <GraphPanel />, layout: 'page' },
  { path: '/workflows', layout: 'page', nav: { label: 'Workflows', testId: 'workflows-button' }, render: () => <WorkflowsList /> },
  {
    path: '/workflows/new',
    layout: 'page',
    render: () => (
      <NewWorkflowForm onCreated={(w) => navigate(`/workflows/${encodeURIComponent(w.id)}`)} onCancel={() => navigate('/workflows')} />
    ),
  },
  { path: '/workflows/:id', layout: 'page', render: (p) => <WorkflowDetail id={p.id} /> },
  { path: '/kb', nav: { label: 'KB', testId: 'kb-button' }, render: () => <KnowledgeBasePanel /> },
  { path: '/usage', nav: { label: 'Usage', testId: 'usage-button' }, render: () => <UsagePanel /> },
  { path: '/notifications', nav: { label: 'Needs you', testId: 'notifications-button' }, render: () => <NotificationsPanel /> },
  { path: '/settings', nav: { label: 'Settings', testId: 'settings-button' }, render: () => <SettingsPanel /> },
);

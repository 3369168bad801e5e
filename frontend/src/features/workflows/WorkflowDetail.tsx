import './workflows.css';
import { useCallback, useState } from 'react';
import { cardState } from '../jobs/cardState';
import { JobCard } from '../jobs/JobCard';
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  Field,
  Loading,
  navigate,
  NumberInput,
  Panel,
  ProgressBar,
  StatusBadge,
  Tabs,
  useAction,
  useApi,
  formatCost,
  errorInfo,
} from '../common';
import { workflowsApi, type WorkflowsApi } from './api';
import type { Workflow } from './types';
import { useJobStatuses, useLiveReload, useTouched, useTouchedUnder } from '../../live/hooks';
import { WORKFLOW_TONES } from './WorkflowsList';

type Tab = 'plan' | 'worklogs' | 'jobs';
const TABS: { id: Tab; label: string }[] = [
  { id: 'plan', label: 'Plan' },
  { id: 'worklogs', label: 'Worklogs' },
  { id: 'jobs', label: 'Jobs' },
];

/** One autonomous run: progress, the blocked reason with Resume (or Approve), Cancel, and its plan, worklogs and jobs. */
export function WorkflowDetail({ id, client = workflowsApi, initialTab = 'plan' }: { id: string; client?: WorkflowsApi; initialTab?: Tab }) {
  const [tab, setTab] = useState<Tab>(initialTab);
  const wf = useApi(() => client.get(id), [id, client]);
  const plan = useApi(() => client.plan(id), [id, client]);
  const logs = useApi(() => client.worklogs(id), [id, client]);
  const reloadAll = useCallback(() => {
    wf.reload();
    plan.reload();
    logs.reload();
  }, [wf.reload, plan.reload, logs.reload]); // eslint-disable-line react-hooks/exhaustive-deps
  // Read again when the live feed says the run moved, one of its jobs did, or one of its notes (plan, contract,
  // worklogs) was written; and after a reconnect.
  const jobStatuses = useJobStatuses((wf.data?.jobs ?? []).map((j) => j.id));
  useLiveReload(reloadAll, `${useTouched(`workflow:${id}`)}|${useTouchedUnder(`note:workflow/${id}/`)}|${jobStatuses}`);

  const act = useAction(async (what: () => Promise<Workflow>) => {
    const next = await what();
    wf.setData(next);
    reloadAll();
  });
  const [extraUsd, setExtraUsd] = useState('5');

  if (wf.error && !wf.data) return <Panel title="Autonomous run"><ErrorState error={wf.error} onRetry={wf.reload} testId="workflow-error" /></Panel>;
  if (!wf.data) return <Panel title="Autonomous run"><Loading /></Panel>;
  const w = wf.data;
  const budgetPause = w.status === 'waiting_approval' && w.blockedReason?.code === 'budget_reached';
  const canCancel = w.status !== 'done' && w.status !== 'cancelled';

  return (
    <Panel
      title={<h2 data-testid="workflow-title">{w.title}</h2>}
      data-testid="workflow-view"
      data-workflow-id={w.id}
      onClose={() => navigate('/workflows')}
      closeTestId="workflow-close"
      actions={
        canCancel && (
          <Button variant="danger" data-testid="workflow-cancel" busy={act.busy} onClick={() => act.run(() => client.cancel(id))}>
            Cancel
          </Button>
        )
      }
    >
      <div className="workflow-summary">
        <StatusBadge status={w.status} tones={WORKFLOW_TONES} data-testid="workflow-state" />
        {w.phase && <Badge data-testid="workflow-phase">{w.phase} · cycle {w.cycle} of {w.maxCycles}</Badge>}
        <span data-testid="workflow-cost">{formatCost(w.costUsd)}{w.budgetUsd != null && ` of ${formatCost(w.budgetUsd)}`}</span>
        {w.branch && <span className="mono" title={w.worktreePath ?? ''}>⎇ {w.branch}</span>}
        {w.prUrl && (
          <a href={w.prUrl} target="_blank" rel="noreferrer" data-testid="workflow-pr">
            pull request
          </a>
        )}
      </div>
      <ProgressBar done={w.milestones.done} total={w.milestones.total} testId="workflow-progress"
        label={w.milestones.total ? `${w.milestones.done} / ${w.milestones.total} milestones` : 'no plan yet'} />
      <p className="muted">
        Implementer {w.implementerModel} · reviewer {w.reviewerModel}
      </p>

      {w.blockedReason && (
        <div className={`callout callout-${w.status === 'blocked' ? 'danger' : 'warning'}`} role="status" data-testid="workflow-blocked" data-code={w.blockedReason.code}>
          <strong>{w.status === 'blocked' ? 'Blocked' : 'Waiting for you'}:</strong> {w.blockedReason.message}
          <div className="muted">{w.blockedReason.action}</div>
          <div className="callout-actions">
            {w.status === 'blocked' && (
              <Button variant="primary" data-testid="workflow-resume" busy={act.busy} onClick={() => act.run(() => client.resume(id))}>
                Resume
              </Button>
            )}
            {budgetPause && (
              <Field label="More budget (USD)">
                <NumberInput value={extraUsd} onChange={setExtraUsd} data-testid="workflow-extra-usd" />
              </Field>
            )}
            {w.status === 'waiting_approval' && (
              <Button variant="primary" data-testid="workflow-approve" busy={act.busy}
                onClick={() => act.run(() => client.approve(id, budgetPause ? Number(extraUsd) : undefined))}>
                {budgetPause ? 'Approve more' : 'Approve plan'}
              </Button>
            )}
          </div>
        </div>
      )}
      {act.error != null && <div className="field-error" role="alert" data-testid="workflow-action-error">{errorInfo(act.error).message}</div>}

      <Tabs tabs={TABS} active={tab} onChange={setTab} testIdPrefix="workflow-tab-" label="Workflow" />
      {tab === 'plan' && (
        <section data-testid="workflow-plan">
          {plan.data?.milestones.total ? (
            <ul className="milestones">
              {plan.data.milestones.items.map((m, i) => (
                <li key={i} data-testid="milestone" data-done={m.done}>
                  <input type="checkbox" checked={m.done} readOnly aria-label={m.title} /> {m.title}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState testId="workflow-plan-empty">No plan yet: the assess phase writes it.</EmptyState>
          )}
          {plan.data?.text && (
            <details>
              <summary>Plan note {plan.data.key}</summary>
              <pre className="note-text" data-testid="workflow-plan-text">{plan.data.text}</pre>
            </details>
          )}
          {plan.data?.contract && (
            <details>
              <summary>Contract</summary>
              <pre className="note-text">{plan.data.contract}</pre>
            </details>
          )}
        </section>
      )}
      {tab === 'worklogs' && (
        <section data-testid="workflow-worklogs">
          {logs.data?.length ? (
            logs.data.map((n) => (
              <article key={n.key} className="worklog" data-testid="worklog">
                <h3 className="mono">{n.key.slice(`workflow/${w.id}/worklog/`.length)}</h3>
                <pre className="note-text">{n.value}</pre>
              </article>
            ))
          ) : (
            <EmptyState>No worklogs yet.</EmptyState>
          )}
        </section>
      )}
      {tab === 'jobs' && (
        <section className="workflow-jobs" data-testid="workflow-jobs">
          {w.jobs?.length ? (
            w.jobs.map((job) => {
              const run = job.runs[job.runs.length - 1];
              return (
                <JobCard key={job.id} job={job} run={run} state={cardState(job, run, false)} selected={false}
                  onOpen={(jobId) => navigate(`/jobs/${encodeURIComponent(jobId)}`)} />
              );
            })
          ) : (
            <EmptyState>No jobs yet.</EmptyState>
          )}
        </section>
      )}
    </Panel>
  );
}

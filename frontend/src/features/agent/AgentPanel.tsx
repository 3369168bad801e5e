import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useHealthWarnings, useJob, useLiveDispatch, usePendingQuestion, useRunOutput, useRunsOfJob } from '../../live/hooks';
import { isLive } from '../../live/store';
import { Button, later, Loading, Panel, StatusBadge, Tabs, useLocation } from '../common';
import { FailureBadge, HealthChips, RetryBadge, runCost } from '../common/runBits';
import { OutputView } from './OutputView';
import { QuestionBox } from './QuestionBox';
import { RunActions } from './RunActions';
import { QueuedJobActions } from '../jobs/QueuedJobActions';

type Tab = 'terminal' | 'output' | 'changes' | 'details';

// The terminal (xterm.js) and the diffs load with their tab: most pages never show them.
const TerminalView = later(() => import('../interactive/TerminalView').then((m) => m.TerminalView));
const ChangesView = later(() => import('./ChangesView').then((m) => m.ChangesView));

/** One job's agent: its runs, live output, what it changed since it started, and what a person can do about it. */
export function AgentPanel({ jobId, onClose, onOpenJob }: { jobId: string; onClose: () => void; onOpenJob: (id: string) => void }) {
  const job = useJob(jobId);
  const runs = useRunsOfJob(jobId);
  const dispatch = useLiveDispatch();
  const [chosenTab, setTab] = useState<Tab | null>(null);
  // A search hit links here with ?run=&seq=: that run, its output scrolled to that event.
  const { query } = useLocation();
  const linkedRun = query.get('run') ?? undefined;
  const linkedSeq = Number(query.get('seq') ?? '') || undefined;
  const [runId, setRunId] = useState<string | undefined>(linkedRun);
  const run = runs.find((r) => r.id === runId) ?? runs[runs.length - 1];
  const output = useRunOutput(run?.id);
  const question = usePendingQuestion(run?.id);
  const warnings = useHealthWarnings(run);
  const jobStatus = job?.status;

  // The job may be older than the snapshot holds, or its runs not in it: read it, and again when its status
  // changes, since only this read carries the worktree's branch and pull request.
  // Runs are taken from the first read only: later reads could be older than the live frames already applied.
  const runsLoadedFor = useRef<string | null>(null);
  useEffect(() => {
    const first = runsLoadedFor.current !== jobId;
    runsLoadedFor.current = jobId;
    api
      .job(jobId)
      .then((j) => {
        const { runs: jobRuns, ...plain } = j;
        dispatch({ type: 'job', job: plain });
        if (first) for (const r of jobRuns) dispatch({ type: 'run', run: r });
      })
      .catch(() => {});
  }, [jobId, jobStatus, dispatch]);

  // A live run's health warnings right away, without waiting for the next poll.
  const runLive = run ? isLive(run) : false;
  const openRunId = run?.id;
  useEffect(() => {
    if (!openRunId || !runLive) return;
    let cancelled = false;
    api
      .run(openRunId)
      .then(({ healthWarnings }) => {
        if (cancelled) return;
        dispatch({ type: 'runHealth', runId: openRunId, warnings: healthWarnings ?? [] });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [openRunId, runLive, dispatch]);

  useEffect(() => {
    setRunId(linkedRun);
    setTab(linkedRun ? 'output' : null);
  }, [jobId, linkedRun]);

  if (!job) {
    return (
      <Panel className="panel-fill" data-testid="agent-panel" onClose={onClose} closeTestId="agent-panel-close">
        <Loading label={`Loading job ${jobId}…`} />
      </Panel>
    );
  }
  const jobActive = job.status === 'running' || job.status === 'queued';
  // An interactive job opens on its terminal; the others have no terminal tab.
  const tab: Tab = chosenTab ?? (job.interactive ? 'terminal' : 'output');

  return (
    <Panel
      className="panel-fill"
      data-testid="agent-panel"
      data-job-id={jobId}
      data-run-id={run?.id ?? ''}
      onClose={onClose}
      closeTestId="agent-panel-close"
      title={
        <>
          <h2>{job.title}</h2>
          <div className="muted panel-sub">
            <StatusBadge status={job.status} data-testid="agent-job-status" />
            {run && <StatusBadge status={run.status} label={`run ${run.status.replace(/_/g, ' ')}`} />} {job.id} · {job.model} ·{' '}
            {job.workDir}
            {run && run.costUsd > 0 && <span data-testid="agent-cost"> · {runCost(run)}</span>}
          </div>
          <div className="panel-badges">
            <FailureBadge run={run} />
            <RetryBadge run={run} />
            <HealthChips warnings={warnings} full />
            {job.branch && (
              <span className="mono" data-testid="agent-branch">
                ⎇ {job.branch}
              </span>
            )}
            {job.prUrl && (
              <a href={job.prUrl} target="_blank" rel="noreferrer" data-testid="agent-pr-link">
                pull request ↗
              </a>
            )}
          </div>
          {run?.statusMessage && (
            <div className="muted" data-testid="agent-status-message">
              {run.statusMessage}
            </div>
          )}
          {job.status === 'queued' && job.queueReason && (
            <div className="muted" data-testid="agent-queue-reason">
              {job.queueReason}
            </div>
          )}
          {job.statusReason && <div className="card-reason">{job.statusReason}</div>}
        </>
      }
    >
      {runs.length > 1 && (
        <select data-testid="run-select" value={run?.id} onChange={(e) => setRunId(e.target.value)}>
          {runs.map((r, i) => (
            <option key={r.id} value={r.id}>
              run {i + 1}: {r.status} {r.startedAt.replace('T', ' ').slice(0, 19)}
            </option>
          ))}
        </select>
      )}
      {question && <QuestionBox question={question} />}
      <Tabs
        label="agent views"
        tabs={[
          ...(job.interactive ? [{ id: 'terminal' as const, label: 'Terminal' }] : []),
          { id: 'output', label: 'Output' },
          { id: 'changes', label: 'Changes' },
          { id: 'details', label: 'Details' },
        ]}
        active={tab}
        onChange={setTab}
        testIdPrefix="agent-tab-"
      />
      <div className="panel-body">
        {!run && tab !== 'details' && <div className="muted">No agent has run this job yet.</div>}
        {run && tab === 'terminal' && <TerminalView key={run.id} runId={run.id} live={isLive(run) && run.status !== 'starting'} />}
        {run && tab === 'output' && (
          <OutputView events={output?.events ?? []} loading={!output?.loaded} focusSeq={run.id === linkedRun ? linkedSeq : undefined} />
        )}
        {run && tab === 'changes' && <ChangesView runId={run.id} />}
        {tab === 'details' && (
          <dl className="details" data-testid="agent-details">
            <dt>Description</dt>
            <dd className="pre">{job.description}</dd>
            {job.guidelines && (
              <>
                <dt>Guidelines (from its template)</dt>
                <dd className="pre" data-testid="agent-guidelines">{job.guidelines}</dd>
              </>
            )}
            {Object.keys(job.context).length > 0 && (
              <>
                <dt>Context</dt>
                <dd>{Object.entries(job.context).map(([k, v]) => <div key={k}>{k}: {v}</div>)}</dd>
              </>
            )}
            {(job.useWorktree || (job.completionChecks?.length ?? 0) > 0 || (job.retryPolicy && job.retryPolicy !== 'none')) && (
              <>
                <dt>Settings</dt>
                <dd>
                  {job.useWorktree && <div>own git worktree{job.branch ? ` on ${job.branch}` : ''}</div>}
                  {(job.completionChecks ?? []).map((c) => (
                    <div key={c} className="mono">check: {c}</div>
                  ))}
                  {job.retryPolicy && job.retryPolicy !== 'none' && (
                    <div>
                      retry: {job.retryPolicy}, up to {job.maxRetries ?? 0} · attempt {job.attempt ?? 1}
                    </div>
                  )}
                </dd>
              </>
            )}
            {job.dependsOn.length > 0 && (
              <>
                <dt>Depends on</dt>
                <dd>
                  {job.dependsOn.map((d) => (
                    <button key={d} type="button" className="link" onClick={() => onOpenJob(d)}>{d}</button>
                  ))}
                </dd>
              </>
            )}
            {run && (
              <>
                <dt>Run</dt>
                <dd>
                  {run.id} · pid {run.pid ?? '–'} · {run.numTurns} turns · {run.costEstimated ? '~' : ''}$
                  {run.costUsd.toFixed(4)}
                  {run.costEstimated ? ' est.' : ''} · {run.inputTokens}/{run.outputTokens} tokens
                </dd>
                {run.workDir && (
                  <>
                    <dt>Works in</dt>
                    <dd className="mono" data-testid="agent-run-workdir">
                      {run.workDir}
                      {run.baseCommit ? ` from ${run.baseCommit.slice(0, 10)}` : ''}
                    </dd>
                  </>
                )}
                {run.failureKind && (<><dt>Failure kind</dt><dd data-testid="agent-failure-kind">{run.failureKind}</dd></>)}
                {run.errorMessage && (<><dt>Error</dt><dd className="pre">{run.errorMessage}</dd></>)}
                {run.resultText && (<><dt>Result</dt><dd className="pre">{run.resultText}</dd></>)}
              </>
            )}
          </dl>
        )}
      </div>
      {job.status === 'queued' && <QueuedJobActions key={job.id} job={job} />}
      {run && <RunActions run={run} jobActive={jobActive} interactive={job.interactive === true} onRetried={onOpenJob} />}
      {!run && job.status === 'queued' && (
        <Button variant="danger" data-testid="action-cancel-job" onClick={() => api.cancelJob(job.id)}>
          Cancel job
        </Button>
      )}
    </Panel>
  );
}

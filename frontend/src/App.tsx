import { useCallback, useEffect, useState } from 'react';
import { AgentPanel } from './features/agent/AgentPanel';
import { LocksNotesPanel } from './features/coordination/LocksNotesPanel';
import { JobForm } from './features/jobs/JobForm';
import { JobsBoard } from './features/jobs/JobsBoard';
import { useSeen } from './features/jobs/seen';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { UsagePanel } from './features/usage/UsagePanel';
import { useHealthWarningsPolling, useLive } from './live/hooks';

type Side = 'none' | 'new' | 'locks' | 'settings' | 'usage';

export function App() {
  const state = useLive();
  const [selected, setSelected] = useState<string | null>(null);
  const [side, setSide] = useState<Side>('none');
  const { isUnread, markSeen } = useSeen();
  useHealthWarningsPolling();
  const selectedJob = selected ? state.jobs[selected] : undefined;

  // Looking at a finished job's panel reads its output.
  useEffect(() => {
    if (selectedJob) markSeen(selectedJob);
  }, [selectedJob, markSeen]);

  const open = useCallback((jobId: string) => {
    setSelected(jobId);
    setSide('none');
  }, []);

  const active = Object.values(state.runs).filter((r) => r.status === 'starting' || r.status === 'running').length;
  const waiting = Object.values(state.questions).filter((q) => q.status === 'pending').length;
  const toggle = (s: Side) => setSide((current) => (current === s ? 'none' : s));

  return (
    <div className="app">
      <header className="topbar">
        <strong className="brand">autodev</strong>
        <span className={`conn conn-${state.connection}`} data-testid="connection-status" data-state={state.connection}>
          {state.connection}
        </span>
        <span className="muted">
          {active} running · {waiting} waiting · {state.locks.length} locks · max {state.settings?.maxConcurrentAgents ?? '–'}
        </span>
        <span className="spacer" />
        <button type="button" className="primary" data-testid="new-job-button" onClick={() => toggle('new')}>
          New job
        </button>
        <button type="button" data-testid="locks-button" onClick={() => toggle('locks')}>
          Locks &amp; notes
        </button>
        <button type="button" data-testid="usage-button" onClick={() => toggle('usage')}>
          Usage
        </button>
        <button type="button" data-testid="settings-button" onClick={() => toggle('settings')}>
          Settings
        </button>
      </header>
      <main className="main">
        <JobsBoard selectedJobId={selected} onOpen={open} isUnread={isUnread} />
        {side === 'new' && (
          <aside className="panel">
            <JobForm onCreated={(job) => open(job.id)} onCancel={() => setSide('none')} />
          </aside>
        )}
        {side === 'locks' && (
          <aside className="panel">
            <LocksNotesPanel onOpenJob={open} />
          </aside>
        )}
        {side === 'settings' && (
          <aside className="panel">
            <SettingsPanel />
          </aside>
        )}
        {side === 'usage' && (
          <aside className="panel">
            <UsagePanel />
          </aside>
        )}
        {side === 'none' && selected && <AgentPanel jobId={selected} onClose={() => setSelected(null)} onOpenJob={open} />}
      </main>
    </div>
  );
}

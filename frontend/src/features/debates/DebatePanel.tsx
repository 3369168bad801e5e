import { useJobStatuses, useLiveReload, useRunCosts, useThrottledReload, useTouched } from '../../live/hooks';
import { withProject } from '../projects/activeProject';
import { Badge, Button, ErrorState, formatCost, Link, Loading, Panel, StatusBadge, useAction, useApi } from '../common';
import { debatesApi } from './debatesApi';
import { DEBATE_TONES, divergence, isFinished, roundsByLoop, SIDE_NAMES, VERDICT_TONES } from './debateView';
import type { DebateAction, DebateRound, DebateTurn, DebateView, Side } from './types';
import './debates.css';

/** At most one read per this while the sides' cost moves (frames report it with nearly every step of a run). */
export const COST_RELOAD_MS = 2_000;

/** One debate: its rounds side by side (Claude | Codex), verdicts, where the sides diverged, the conclusion. */
export function DebatePanel({
  id,
  onClose,
  load = debatesApi.get,
  cancelDebate = debatesApi.cancel,
}: {
  id: string;
  onClose: () => void;
  /** Reads the debate; tests hand in their own. */
  load?: (id: string) => Promise<DebateView>;
  cancelDebate?: (id: string) => Promise<DebateView>;
}) {
  const debate = useApi(() => load(id), [id]);
  const cancel = useAction(cancelDebate);
  const finished = debate.data ? isFinished(debate.data.status) : false;
  const { reload } = debate;
  // Read again whenever the live feed says the debate or one of its jobs moved (a side started, answered, gave its
  // verdict), and after a reconnect.
  const jobIds = (debate.data?.jobs ?? []).map((j) => j.jobId);
  const jobStatuses = useJobStatuses(jobIds);
  useLiveReload(reload, `${useTouched(`debate:${id}`)}|${jobStatuses}`);
  // The per-side cost follows the runs' cost and tokens as live frames report them, not only status changes.
  useThrottledReload(reload, useRunCosts(jobIds), COST_RELOAD_MS);

  if (!debate.data) {
    return (
      <Panel title="Debate" onClose={onClose} data-testid="debate-panel">
        {debate.error ? <ErrorState error={debate.error} onRetry={reload} /> : <Loading />}
      </Panel>
    );
  }
  const d = debate.data;
  const actions = !finished && (
    <Button
      variant="danger"
      data-testid="debate-cancel"
      busy={cancel.busy}
      onClick={async () => {
        const after = await cancel.run(d.id);
        if (after) debate.setData(after);
      }}
    >
      Cancel debate
    </Button>
  );
  return (
    <Panel title={<h2 className="debate-task">{d.task}</h2>} actions={actions} onClose={onClose} data-testid="debate-panel">
      <div className="panel-badges">
        <StatusBadge status={d.status} tones={DEBATE_TONES} data-testid="debate-status" />
        <Badge>{d.claudeModel}</Badge>
        <Badge>{d.codexModel}</Badge>
        <span className="muted">
          up to {d.maxRounds} round{d.maxRounds === 1 ? '' : 's'}
          {d.loopCount > 1 && `, loop ${d.currentLoop} of ${d.loopCount}`} · Claude {formatCost(d.costUsd.claude)} · Codex{' '}
          {formatCost(d.costUsd.codex)}
        </span>
        {d.projectId && (
          <Link to={withProject('/', d.projectId)} data-testid="debate-project">
            its jobs on the board
          </Link>
        )}
      </div>
      {d.branch && <WorktreeLine view={d} />}
      {cancel.error ? <ErrorState error={cancel.error} /> : null}
      {d.statusReason && d.status === 'failed' && <p className="form-error">{d.statusReason}</p>}
      {d.conclusion && (
        <section className="debate-conclusion" data-testid="debate-conclusion">
          <h3>Conclusion</h3>
          <p className="pre">{d.conclusion}</p>
        </section>
      )}
      {roundsByLoop(d).map(({ loop, rounds }) => (
        <section key={loop} className="debate-loop" data-testid={`debate-loop-${loop}`}>
          {d.loopCount > 1 && <LoopHeading view={d} loop={loop} />}
          <div className="debate-grid debate-grid-head" aria-hidden="true">
            <span>Round</span>
            <span>Claude</span>
            <span>Codex</span>
          </div>
          {rounds.map((round) => (
            <RoundRow key={round.round} round={round} />
          ))}
          <Actions actions={d.actions.filter((a) => a.loop === loop)} />
        </section>
      ))}
      {d.rounds.length === 0 && <p className="muted">The sides are starting.</p>}
    </Panel>
  );
}

/** The debate's own branch, where its worktree is while it exists, and its pull request once opened. */
function WorktreeLine({ view }: { view: DebateView }) {
  const present = view.worktreeState === 'open' || view.worktreeState === 'published';
  return (
    <p className="debate-worktree muted" data-testid="debate-worktree">
      <span className="mono" data-testid="debate-branch" title={view.worktreePath ?? ''}>
        ⎇ {view.branch}
      </span>
      {present && view.worktreePath && <span className="mono"> · in {view.worktreePath}</span>}
      {view.worktreeState === 'removed' && <span> · worktree removed, branch kept</span>}
      {view.prUrl && (
        <>
          {' · '}
          <a href={view.prUrl} target="_blank" rel="noreferrer" data-testid="debate-pr">
            pull request
          </a>
        </>
      )}
    </p>
  );
}

function LoopHeading({ view, loop }: { view: DebateView; loop: number }) {
  const outcome = view.loops.find((l) => l.loop === loop)?.outcome;
  return (
    <h3 className="debate-loop-head">
      Loop {loop} {outcome && <StatusBadge status={outcome} tones={DEBATE_TONES} />}
    </h3>
  );
}

function RoundRow({ round }: { round: DebateRound }) {
  const apart = divergence(round);
  return (
    <div
      className={`debate-grid debate-round${round.diverged ? ' debate-diverged' : ''}`}
      data-testid={`debate-round-${round.loop}-${round.round}`}
      data-diverged={round.diverged}
    >
      <div className="debate-round-no">
        <strong>{round.round}</strong>
        {apart && (
          <Badge tone="warning" title={apart} data-testid="debate-diverged">
            diverged
          </Badge>
        )}
      </div>
      <TurnCell side="claude" turn={round.claude} />
      <TurnCell side="codex" turn={round.codex} />
    </div>
  );
}

function TurnCell({ side, turn }: { side: Side; turn: DebateTurn | null }) {
  if (!turn) return <div className="debate-turn muted">—</div>;
  return (
    <div className="debate-turn" data-testid={`debate-turn-${side}`}>
      <div className="debate-turn-head">
        <span className="debate-side-name">{SIDE_NAMES[side]}</span>
        {turn.verdict ? (
          <StatusBadge status={turn.verdict} tones={VERDICT_TONES} data-testid="debate-verdict" />
        ) : (
          <StatusBadge status={turn.jobStatus} />
        )}
        {turn.askedAgain && <Badge title="gave no verdict and was asked once more">asked again</Badge>}
        {turn.verdict && !turn.verdictGiven && <Badge title="no verdict given: counted as disagree">no verdict</Badge>}
        <Link to={`/jobs/${encodeURIComponent(turn.jobId)}`} className="muted">
          job
        </Link>
      </div>
      {turn.position && <p className="debate-position">{turn.position}</p>}
      {turn.answer && (
        <details>
          <summary>Full answer</summary>
          <p className="pre">{turn.answer}</p>
        </details>
      )}
    </div>
  );
}

const STAGE_NAMES: Record<DebateAction['stage'], string> = {
  post_action: 'Post-action',
  review: 'Review',
  refine: 'Refinements',
};

function Actions({ actions }: { actions: DebateAction[] }) {
  if (actions.length === 0) return null;
  return (
    <ol className="debate-actions" data-testid="debate-actions">
      {actions.map((a) => (
        <li key={a.jobId} data-testid={`debate-action-${a.stage}`}>
          <div className="debate-turn-head">
            <strong>{STAGE_NAMES[a.stage]}</strong> <span>by {SIDE_NAMES[a.side]}</span>
            <StatusBadge status={a.jobStatus} />
            <Link to={`/jobs/${encodeURIComponent(a.jobId)}`} className="muted">
              job
            </Link>
          </div>
          {a.result && <p className="pre debate-position">{a.result}</p>}
        </li>
      ))}
    </ol>
  );
}

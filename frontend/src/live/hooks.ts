import { useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { AgentRun, HealthWarning, Job, Question } from '../api/types';
import { LiveDispatchContext, LiveStateContext } from './LiveProvider';
import { healthWarningsOf, isLive, latestRun, pendingQuestionOf, type LiveState, type RunOutput } from './store';

export function useLive(): LiveState {
  return useContext(LiveStateContext);
}

export function useLiveDispatch() {
  return useContext(LiveDispatchContext);
}

export function useJob(jobId: string | null): Job | undefined {
  const state = useLive();
  return jobId ? state.jobs[jobId] : undefined;
}

export function useRunsOfJob(jobId: string | null): AgentRun[] {
  const state = useLive();
  const ids = jobId ? state.runsByJob[jobId] : undefined;
  return useMemo(() => (ids ?? []).map((id) => state.runs[id]).filter(Boolean), [ids, state.runs]);
}

export function useLatestRun(jobId: string): AgentRun | undefined {
  return latestRun(useLive(), jobId);
}

export function usePendingQuestion(runId: string | undefined): Question | undefined {
  return pendingQuestionOf(useLive(), runId);
}

/** The output of one run: read over REST from where it stands, then kept current by live frames. */
export function useRunOutput(runId: string | undefined): RunOutput | undefined {
  const state = useLive();
  const dispatch = useLiveDispatch();
  const output = runId ? state.output[runId] : undefined;

  useEffect(() => {
    if (runId) dispatch({ type: 'watch', runId });
  }, [runId, dispatch]);

  const gap = output?.gap ?? false;
  const lastSeq = output?.lastSeq ?? 0;
  useEffect(() => {
    if (!runId || !gap) return;
    let cancelled = false;
    api
      .output(runId, lastSeq, 500)
      .then((page) => {
        if (cancelled) return;
        const complete = page.events.length < 500;
        dispatch({ type: 'outputPage', runId, events: page.events, complete });
      })
      .catch(() => {
        /* the next snapshot or frame tries again */
      });
    return () => {
      cancelled = true;
    };
  }, [runId, gap, lastSeq, dispatch]);

  return output;
}

/** Notes are loaded when first shown, then kept current by live frames. */
export function useNotes() {
  const state = useLive();
  const dispatch = useLiveDispatch();
  const reload = useCallback(() => {
    api.notes().then((notes) => dispatch({ type: 'notes', notes })).catch(() => {});
  }, [dispatch]);
  useEffect(() => {
    if (state.notes === null) reload();
  }, [state.notes, reload]);
  return { notes: state.notes, reload };
}

export const HEALTH_POLL_MS = 10_000;

/**
 * While any run is live, reads every active run's health warnings now and every {@link HEALTH_POLL_MS}; with none
 * live, forgets them.
 */
export function useHealthWarningsPolling(intervalMs = HEALTH_POLL_MS) {
  const state = useLive();
  const dispatch = useLiveDispatch();
  const anyLive = Object.values(state.runs).some(isLive);
  useEffect(() => {
    if (!anyLive) {
      dispatch({ type: 'healthWarnings', warnings: [] });
      return;
    }
    let cancelled = false;
    const read = () =>
      api
        .healthWarnings()
        .then((warnings) => {
          if (!cancelled) dispatch({ type: 'healthWarnings', warnings });
        })
        .catch(() => {
          /* the next poll tries again */
        });
    void read();
    const timer = setInterval(read, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [anyLive, intervalMs, dispatch]);
}

export function useHealthWarnings(run: AgentRun | undefined): HealthWarning[] {
  return healthWarningsOf(useLive(), run);
}

/**
 * Calls `onChange` when jobs, runs or questions change in the live store, at most once per `intervalMs`: views
 * that read their own endpoint (timeline, graph) stay live without asking the server on every frame.
 */
export function useOnLiveChange(onChange: () => void, intervalMs = 2_000) {
  const state = useLive();
  const first = useRef(true);
  const schedule = useThrottledCall(onChange, intervalMs);
  useEffect(() => {
    // The view read its endpoint as it opened, while the first snapshot was being read: that snapshot is no change.
    if (first.current || !state.hasSnapshot) {
      first.current = !state.hasSnapshot;
      return;
    }
    schedule(false);
  }, [state.hasSnapshot, state.jobs, state.runs, state.questions, schedule]);
}

/**
 * Calls `fn` at most once per `intervalMs`: a request while a call is pending joins it; otherwise the call goes out
 * when the interval since the last one has passed, at once if it already has and `atOnceWhenDue`, else on the next
 * tick. The pending call is dropped when the component goes.
 */
function useThrottledCall(fn: () => void, intervalMs: number): (atOnceWhenDue: boolean) => void {
  const callback = useRef(fn);
  callback.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastCall = useRef(0);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(
    (atOnceWhenDue: boolean) => {
      if (timer.current) return;
      const call = () => {
        timer.current = null;
        lastCall.current = Date.now();
        callback.current();
      };
      const wait = lastCall.current + intervalMs - Date.now();
      if (wait <= 0 && atOnceWhenDue) call();
      else timer.current = setTimeout(call, Math.max(0, wait));
    },
    [intervalMs],
  );
}

/**
 * For views that read their own endpoint (a debate, a workflow): calls `reload` when `watched` changes, i.e. when
 * the live feed reports a change to what the view shows, and each time the live connection comes back, since frames
 * sent while it was down are not replayed. No polling: with nothing changing, nothing is read.
 */
export function useLiveReload(reload: () => void, watched: string) {
  const { connection } = useLive();
  const callback = useRef(reload);
  callback.current = reload;
  const seen = useRef(watched);
  useEffect(() => {
    if (seen.current === watched) return;
    seen.current = watched;
    callback.current();
  }, [watched]);
  const wasLive = useRef(connection === 'live');
  useEffect(() => {
    const live = connection === 'live';
    if (live && !wasLive.current) callback.current();
    wasLive.current = live;
  }, [connection]);
}

/** How often the live feed has said that `keys` changed (see LiveState.touched), as one comparable string. */
export function useTouched(...keys: string[]): string {
  const { touched } = useLive();
  return keys.map((key) => touched[key] ?? 0).join(',');
}

/** As {@link useTouched}, for every key that starts with `prefix` (a workflow's notes). */
export function useTouchedUnder(prefix: string): string {
  const { touched } = useLive();
  return Object.entries(touched)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, n]) => `${key}=${n}`)
    .sort()
    .join(',');
}

/**
 * The live statuses of some jobs, as one comparable string: a view of them reads again when one moves. Only what
 * the live store holds counts, so reading the view itself never moves it.
 */
export function useJobStatuses(jobIds: string[]): string {
  const { jobs } = useLive();
  return jobIds.map((id) => jobs[id]?.status ?? '').join(',');
}

/**
 * What the runs of some jobs have cost and used so far, as one comparable string. Run frames carry a run's cost and
 * tokens as they accrue, so a view that sums them (a debate's per-side cost) can read again when this moves.
 */
export function useRunCosts(jobIds: string[]): string {
  const { runs, runsByJob } = useLive();
  return jobIds
    .flatMap((id) => (runsByJob[id] ?? []).map((runId) => runs[runId]))
    .filter(Boolean)
    .map((r) => `${r.id}:${r.costUsd}:${r.inputTokens}:${r.outputTokens}`)
    .join(',');
}

/**
 * Calls `reload` when `watched` changes, at most once per `intervalMs`: the first change at once, the ones that
 * follow within the interval in one call at its end. For what moves with nearly every frame (a run's cost while it
 * works). Driven by the frames only: with nothing changing, nothing is read. An empty `watched` means nothing is
 * watched yet.
 */
export function useThrottledReload(reload: () => void, watched: string, intervalMs = 2_000) {
  const seen = useRef(watched);
  const schedule = useThrottledCall(reload, intervalMs);
  useEffect(() => {
    if (seen.current === watched) return;
    // From nothing watched to something: the view's own first read just landed, and it already holds what is watched.
    const first = seen.current === '';
    seen.current = watched;
    if (!first) schedule(true);
  }, [watched, schedule]);
}

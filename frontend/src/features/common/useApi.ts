import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';

/** A read's state: the data once there, the error if it failed, and whether one is under way. */
export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Reads again (e.g. a retry button). */
  reload: () => void;
  /** Replaces the data locally, e.g. with what a save returned. */
  setData: (data: T) => void;
}

/**
 * Calls `load` (e.g. `() => api.job(id)`) now and whenever `deps` change, ignoring answers that arrive after a newer
 * call started or the component left.
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[] = []): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    loadRef.current()
      .then((d) => {
        if (call !== latest.current) return;
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if (call === latest.current) setError(e);
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
    return () => {
      latest.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

/** An action's state (a save, a cancel): run it, see busy, and its error. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(null) };
}

/**
 * Maps an API 400 onto form fields: `{ [field]: message }` with the server's path reduced to the form's field
 * (`steps[2].prompt` → `steps`, `context.key` → `context`) and unknown or missing fields under `form`.
 * `known` lists the form's fields; `alias` renames server fields (`{ stopValue: 'stop' }`).
 */
export function fieldErrors(error: unknown, known?: readonly string[], alias: Record<string, string> = {}): Record<string, string> {
  if (!error) return {};
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const root = error.field ? error.field.split(/[.[]/)[0] : null;
  const field = root ? (alias[root] ?? root) : null;
  if (!field || field === 'body' || (known && !known.includes(field))) return { form: error.message };
  return { [field]: error.message };
}

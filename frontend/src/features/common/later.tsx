import { useEffect, useState, type ComponentType } from 'react';
import { ErrorState, Loading } from './states';

/**
 * A component whose code loads when it is first shown, not with the dashboard (charts, React Flow, the terminal,
 * diffs), so every page starts with less to parse and run. Not through React.lazy: Suspense holds content back for
 * up to 300 ms after its fallback showed, which is a third of the graph's budget when the page opens on it.
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  const loadComponent = () => load().then((component) => (loaded = component));
  return function Later(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<unknown>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Component) return;
      let current = true;
      loadComponent().then(
        (component) => current && setComponent(() => component),
        (e) => current && setFailed(e),
      );
      return () => {
        current = false;
      };
    }, [Component, attempt]);
    if (Component) return <Component {...props} />;
    const retry = () => {
      setFailed(null);
      setAttempt((n) => n + 1);
    };
    if (failed != null) return <ErrorState error={failed} onRetry={retry} />;
    return <Loading />;
  };
}

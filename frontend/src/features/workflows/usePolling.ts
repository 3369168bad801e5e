import { useEffect } from 'react';

/** Calls `tick` every `ms` while `active`; a workflow view polls while its run is live. */
export function usePolling(tick: () => void, active: boolean, ms = 2000) {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(tick, ms);
    return () => window.clearInterval(timer);
  }, [tick, active, ms]);
}

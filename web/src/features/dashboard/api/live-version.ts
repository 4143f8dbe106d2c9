import { useEffect, useState } from 'react';
import { fetchVersion } from './dashboard-api';

export interface LiveState {
  /** Goes up by one each time the server's figures changed: a dependency for refetching. */
  refresh: number;
  /** The last check failed (no network, server restarting); the figures on screen may be old. */
  stale: boolean;
}

/** How often an open dashboard asks whether anything changed: within the 5 s the design promises. */
export const POLL_MS = 2000;

/**
 * Polls the cheap version stamp of a unit's figures (GET /api/progress/version) and bumps
 * `refresh` when it changes, so the dashboard refetches only after a sync, a check-in or an
 * approved figure changed something. Paused while the tab is hidden; checks at once when it is
 * shown again.
 */
export function useLiveVersion(unit: string | null, language: string, pollMs = POLL_MS): LiveState {
  const [state, setState] = useState<LiveState>({ refresh: 0, stale: false });
  useEffect(() => {
    if (unit === null) return;
    let seen: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let inFlight = false;
    const check = async () => {
      clearTimeout(timer);
      if (stopped || inFlight) return;
      if (document.visibilityState === 'hidden') return;
      inFlight = true;
      try {
        const { version } = await fetchVersion(unit, { language, signal: AbortSignal.timeout(10_000) });
        if (stopped) return;
        const changed = seen !== undefined && seen !== version;
        seen = version;
        // Unchanged answers leave the state alone: no re-render of the dashboard every poll.
        setState((s) => (changed || s.stale ? { refresh: changed ? s.refresh + 1 : s.refresh, stale: false } : s));
      } catch {
        if (!stopped) setState((s) => (s.stale ? s : { ...s, stale: true }));
      } finally {
        inFlight = false;
        if (!stopped) timer = setTimeout(() => void check(), pollMs);
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [unit, language, pollMs]);
  return state;
}

import { useEffect, useRef, useState } from 'react';

/**
 * Follows a counter, but at most once per `minMs`: a change that comes sooner is applied when
 * the time is up. Heavy parts of the dashboard (the trend, the leaderboard) follow live changes
 * this way, so a province where phones sync every few seconds does not keep recomputing them.
 */
export function useThrottled(value: number, minMs: number): number {
  const [shown, setShown] = useState(value);
  const last = useRef(Date.now());
  useEffect(() => {
    if (value === shown) return;
    const wait = Math.max(0, last.current + minMs - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, minMs]);
  return shown;
}

/**
 * Counts the fresh answers of a resource for the same key (not its first answer, which a change
 * of key brings anyway), so a later stage refetches after each refresh of the one before it.
 */
export function useRefreshes(data: unknown, key: string | null): number {
  const [count, setCount] = useState(0);
  const answered = useRef<string | null>(null);
  useEffect(() => {
    if (data === undefined) return;
    if (answered.current === key) setCount((n) => n + 1);
    else answered.current = key;
  }, [data, key]);
  return count;
}

import { useEffect, useState } from 'react';
import { ApiError } from './api';

export interface Resource<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

const TIMEOUT_MS = 30_000;

function withTimeout(signal: AbortSignal): AbortSignal {
  // AbortSignal.any is recent; without it the request simply has no timeout of its own.
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) : signal;
}

/**
 * Loads what `key` names (null: nothing) and loads it again whenever `refresh` changes. A new key
 * clears the old data; a refresh keeps it on screen until the new answer replaces it, so live
 * updates never flash a loading state. An answer that arrives after the key changed is dropped.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, refresh = 0): Resource<T> {
  const [state, setState] = useState<Resource<T> & { key: string | null }>({ key, loading: key !== null });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((previous) => (previous.key === key ? { ...previous, loading: true } : { key, loading: true }));
    load(withTimeout(controller.signal)).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        const error = caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', String(caught));
        setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `key` names everything it depends on.
  }, [key, refresh]);
  return state.key === key ? state : { loading: key !== null };
}

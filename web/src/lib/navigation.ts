import { useSyncExternalStore } from 'react';

/**
 * Hash routes (#/household/…): the server and the service worker only ever hand out one page,
 * and a reload lands back on the same screen with no server round trip.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const hash = `#${path}`;
  if (options.replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, () => location.hash.replace(/^#/, '') || '/');
}

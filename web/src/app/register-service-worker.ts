/**
 * Registers /sw.js, which precaches the app shell so a reload with no network still opens the
 * app (see web/sw/service-worker.js). Only in a production build: the dev server has no sw.js.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('service worker not registered', error);
    });
  });
}

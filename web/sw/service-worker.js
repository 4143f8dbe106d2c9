/* global self, caches, Request */
// Doorstep field app service worker. The build (web/build/service-worker.ts) writes it to
// dist/sw.js with the app shell's file list and version in place of the placeholder below.
//
// Why these rules:
// - the app shell (index.html and the hashed assets) is precached on install, so a reload with
//   no network at all still opens the app, which then reads everything from IndexedDB;
// - navigations are answered from the cached index.html first: the shell in the cache always
//   matches the assets in the cache, and a phone on a dead 3G link does not wait for a timeout.
//   A new build ships a new sw.js (the browser checks it on navigation), which installs the new
//   shell and takes over on the next load;
// - /api is never touched: data lives in IndexedDB and the sync outbox, not in HTTP caches.
const SHELL = self.__DOORSTEP_PRECACHE__;
const CACHE = `doorstep-shell-${SHELL.version}`;
const INDEX = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.urls.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('doorstep-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      caches.match(INDEX, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});

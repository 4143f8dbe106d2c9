/* global self, caches, Request, Response */
// Doorstep field app service worker. The build (web/build/service-worker.ts) writes it to
// dist/sw.js with the app shell's file list and version in place of the placeholder below.
//
// Why these rules:
// - the app shell (index.html and the hashed assets) is precached on install, so a reload with
//   no network at all still opens the app, which then reads everything from IndexedDB;
// - the precache takes what the page already downloaded from the browser's HTTP cache (hashed
//   assets are immutable there, index.html is revalidated with a 304), so a first visit on slow
//   3G downloads the shell once, not twice: only files the page has not fetched yet cross the network;
// - navigations are answered from the cached index.html first: the shell in the cache always
//   matches the assets in the cache, and a phone on a dead 3G link does not wait for a timeout.
//   A new build ships a new sw.js (the browser checks it on navigation), which installs the new
//   shell and takes over on the next load;
// - other files of the app (the lazy parts left out of the precache) are kept once fetched;
// - /api is not touched, except the learner's course and lesson reads: those are answered from the
//   network and kept (LESSONS, within its budget), so an enrolled learner's lessons open offline.
//   Everything else the device knows offline lives in IndexedDB and the sync outbox.
const SHELL = self.__DOORSTEP_PRECACHE__;
const CACHE = `doorstep-shell-${SHELL.version}`;
const INDEX = '/index.html';
/** Shared with the page (web/src/lib/kept-lessons.ts), which empties it when someone signs out. */
const LESSONS = 'doorstep-lessons';
/** The lessons' storage budget: at most this many answers of at most this size, oldest dropped first (≤ 12.5 MB). */
const LESSON_ENTRIES = 200;
const LESSON_BYTES = 64 * 1024;
const KEPT_API = /^\/api\/learning\/(?:courses|my\/courses|courses\/[0-9a-f-]{36}|lessons\/[0-9a-f-]{36})$/i;

/** Hashed assets may come from the HTTP cache as they are; anything else is revalidated (a 304 costs a few bytes). */
const precacheRequest = (url) => new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'no-cache' });

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.urls.map(precacheRequest)))
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

/** One key per address and language: the same lesson in Vietnamese and in English are two answers. */
const lessonKey = (request, url) => `${url.pathname}?lang=${encodeURIComponent(request.headers.get('accept-language') || 'vi')}`;

async function keepLesson(key, response) {
  const body = await response.arrayBuffer();
  if (body.byteLength > LESSON_BYTES) return;
  const cache = await caches.open(LESSONS);
  await cache.delete(key);
  await cache.put(key, new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }));
  // Keys come back in the order they were put: the first ones are the oldest.
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - LESSON_ENTRIES)).map((old) => cache.delete(old)));
}

/** The network first (progress and new lessons), the kept answer when there is no network. */
async function learnerRead(event, url) {
  const key = lessonKey(event.request, url);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepLesson(key, response.clone()));
    return response;
  } catch (error) {
    const kept = await caches.match(key, { cacheName: LESSONS });
    if (kept) return kept;
    throw error;
  }
}

async function appFile(request, url) {
  const cached = await caches.match(url.pathname, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  // A lazy part opened once (the dashboard, the public page…) opens offline the next time.
  if (response.ok && url.pathname.startsWith('/assets/')) {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    // `?keep=true`: the page fetching a lesson ahead to keep it, kept under the lesson's own key.
    if (KEPT_API.test(url.pathname) && (url.search === '' || url.search === '?keep=true')) event.respondWith(learnerRead(event, url));
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(
      caches.match(INDEX, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(appFile(request, url));
});

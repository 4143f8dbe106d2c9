import { ApiError } from '../../../lib/api';
import { db, readValue, writeValue } from '../../../lib/db';
import { newId, OUTBOX_CHANGED } from '../../../lib/outbox';
import { vietnamDay } from '../../../lib/time';
import { markSessionExpired, readSession, readVillage, saveVillage, updateCsrfToken } from '../../../lib/session';
import { pullReferenceData, pullVillage } from './pull';
import { pushOutbox } from './push';
import { fetchMe, fetchUnit } from './sync-api';
import { readSyncStatus, updateSyncStatus } from './sync-status';

const INTERVAL_MS = 30_000;
const PULL_EVERY_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;

let running: Promise<void> | undefined;
let failures = 0;
let sessionChecked = false;

async function deviceId(): Promise<string> {
  let id = await readValue<string>('device-id');
  if (!id) {
    id = newId();
    await writeValue('device-id', id);
  }
  return id;
}

/** 2 s, 4 s, 8 s … up to 5 minutes, spread ±25% so a village's phones do not retry in step. */
export function backoffDelay(failureCount: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, failureCount - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The village to work in: the user's scope when it is a village, else the one picked earlier. */
async function resolveVillage(scope: string | null, language: string): Promise<string | undefined> {
  const village = await readVillage();
  if (village) return village.code;
  if (!scope) return undefined;
  const unit = await fetchUnit(scope, language);
  if (unit.tier !== 'village') return undefined;
  await saveVillage({ code: unit.code, name: unit.name });
  return unit.code;
}

async function cycle(language: string, forcePull: boolean): Promise<void> {
  const session = await readSession();
  // A learner has nothing to sync (the server answers 403), even when scoped to their village.
  if (!session || session.expired || session.user.role === 'learner') return;
  if (!sessionChecked) {
    // The stored CSRF token may belong to a session the server ended while the phone was away.
    const me = await fetchMe();
    await updateCsrfToken(me.csrfToken);
    sessionChecked = true;
  }
  const csrfToken = (await readSession())?.csrfToken ?? session.csrfToken;
  await updateSyncStatus({ running: true });
  const pushed = await pushOutbox({ deviceId: await deviceId(), userId: session.user.id, csrfToken, language });
  const village = await resolveVillage(session.user.scopeUnitCode, language);
  await updateSyncStatus({ needsVillage: !village, lastSent: pushed });
  const status = await readSyncStatus();
  if (village && (forcePull || pushed > 0 || !status.lastPullAt || Date.now() - status.lastPullAt > PULL_EVERY_MS)) {
    // Reference lists are small; a server without them yet leaves the built-in defaults in place.
    await pullReferenceData(language).catch(() => undefined);
    await pullVillage(village, language);
    await updateSyncStatus({ lastPullAt: Date.now() });
  }
}

/**
 * One sync: push the outbox, then pull the village. Only one runs at a time in this tab, and
 * with Web Locks only one across tabs, so two tabs do not send the same batch side by side
 * (harmless with the server's duplicate check, but wasteful on a slow link).
 */
export function syncNow(language: string, options: { force?: boolean } = {}): Promise<void> {
  if (running) return running;
  const work = async () => {
    const status = await readSyncStatus();
    if (!options.force && status.nextTryAt && Date.now() < status.nextTryAt) return;
    if (typeof navigator !== 'undefined' && !navigator.onLine) return;
    try {
      await cycle(language, options.force ?? false);
      failures = 0;
      await updateSyncStatus({ running: false, lastSyncedAt: new Date().toISOString(), error: undefined, nextTryAt: undefined });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
      if (apiError.status === 401) {
        sessionChecked = false;
        await markSessionExpired();
      } else if (apiError.code === 'CSRF_TOKEN_INVALID') {
        sessionChecked = false;
      }
      failures += 1;
      await updateSyncStatus({ running: false, error: { code: apiError.code, message: apiError.message }, nextTryAt: Date.now() + backoffDelay(failures) });
    }
  };
  const locked = () => (navigator.locks ? navigator.locks.request('doorstep-sync', { ifAvailable: true }, (lock) => (lock ? work() : undefined)) : work());
  running = Promise.resolve(locked()).finally(() => {
    running = undefined;
  });
  return running;
}

/** The device's own visit log feeds today's tally only; a month of it is plenty. */
async function pruneVisitLog(): Promise<void> {
  const cutoff = vietnamDay(new Date(Date.now() - 31 * 24 * 3600 * 1000));
  await db.visitLog.where('day').below(cutoff).filter((entry) => entry.state !== 'waiting').delete();
}

/** Syncs on start, when the network comes back, after local writes, when the app is shown again, and every 30 s. */
export function startSyncEngine(language: () => string): () => void {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const onOnline = () => {
    failures = 0;
    void syncNow(language(), { force: true });
  };
  const onWrite = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void syncNow(language()), 800);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow(language());
  };
  window.addEventListener('online', onOnline);
  window.addEventListener(OUTBOX_CHANGED, onWrite);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void syncNow(language()), INTERVAL_MS);
  // A tab closed mid-sync leaves `running` set in IndexedDB; clear it before the first cycle.
  void updateSyncStatus({ running: false, nextTryAt: undefined }).then(() => syncNow(language(), { force: true }));
  void pruneVisitLog();
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener(OUTBOX_CHANGED, onWrite);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
    clearTimeout(debounce);
  };
}

/** After a fresh login: check nothing twice, send at once. */
export function resetSyncEngine(): void {
  sessionChecked = false;
  failures = 0;
}

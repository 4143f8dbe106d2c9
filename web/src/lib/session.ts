import { rememberSignedIn } from './boot-shell';
import { db, readValue, writeValue } from './db';
import { forgetKeptLessons } from './kept-lessons';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scopeUnitCode: string | null;
}

/**
 * The signed-in user and their CSRF token, kept in IndexedDB so the app opens with no network.
 * The session cookie itself is httpOnly and stays with the browser; when the server says it has
 * ended, `expired` asks for the password again without touching the unsent work.
 */
export interface StoredSession {
  user: SessionUser;
  csrfToken: string;
  expired: boolean;
}

/** The village the device works in: the worker's scope, or one an officer picked. */
export interface Village {
  code: string;
  name: string;
}

const SESSION = 'session';
const VILLAGE = 'village';

export const readSession = () => readValue<StoredSession>(SESSION);
export const readVillage = () => readValue<Village>(VILLAGE);

export async function saveSession(session: StoredSession): Promise<void> {
  const previous = await readSession();
  await db.transaction('rw', [db.kv, db.households, db.residents, db.visited], async () => {
    // Another person on the same phone: their village's copy is not this one's to see.
    if (previous && previous.user.id !== session.user.id) await forgetVillageCopy();
    await writeValue(SESSION, session);
  });
  rememberSignedIn(true);
}

export async function markSessionExpired(): Promise<void> {
  const session = await readSession();
  if (session && !session.expired) await writeValue(SESSION, { ...session, expired: true });
}

export async function updateCsrfToken(csrfToken: string): Promise<void> {
  const session = await readSession();
  if (session) await writeValue(SESSION, { ...session, csrfToken, expired: false });
}

export async function saveVillage(village: Village): Promise<void> {
  const previous = await readVillage();
  await db.transaction('rw', [db.kv, db.households, db.residents, db.visited], async () => {
    if (previous && previous.code !== village.code) await forgetVillageCopy();
    await writeValue(VILLAGE, village);
  });
}

/** Drops the pulled copy (not the outbox: unsent work is never thrown away here). */
async function forgetVillageCopy(): Promise<void> {
  await Promise.all([db.households.clear(), db.residents.clear(), db.visited.clear()]);
  await db.kv.where('key').startsWith('pull:').delete();
  await db.kv.delete(VILLAGE);
}

export async function clearSession(): Promise<void> {
  await forgetKeptLessons();
  await db.transaction('rw', [db.kv, db.households, db.residents, db.visited], async () => {
    await forgetVillageCopy();
    await db.kv.delete(SESSION);
  });
  rememberSignedIn(false);
}

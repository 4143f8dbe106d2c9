import { randomBytes } from 'node:crypto';
import type { App } from '../app.js';
import type { Role } from '../db/types.js';
import { createUser, SESSION_COOKIE } from '../modules/auth/auth.service.js';

export interface TestSession {
  /** `doorstep_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Cookie and CSRF headers: pass to `app.inject({ headers })` for any method. */
  headers: Record<string, string>;
}

export interface TestUser extends TestSession {
  id: string;
  username: string;
  password: string;
}

let clientCount = 0;

/**
 * A made-up client address per login, so tests that log in many users never trip the login
 * rate limit, which counts per address. Tests of the limit itself pick their own address.
 */
function nextClientAddress(): string {
  clientCount += 1;
  return `10.${(clientCount >> 16) & 255}.${(clientCount >> 8) & 255}.${clientCount & 255}`;
}

/** Logs in through the real route and answers the cookie and CSRF token to send back. */
export async function loginAs(app: App, credentials: { username: string; password: string }): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: credentials,
    remoteAddress: nextClientAddress(),
  });
  if (response.statusCode !== 200) {
    throw new Error(`login of ${credentials.username} failed: ${response.statusCode} ${response.body}`);
  }
  const sessionCookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!sessionCookie) throw new Error(`login of ${credentials.username} set no ${SESSION_COOKIE} cookie`);
  const cookie = `${SESSION_COOKIE}=${sessionCookie.value}`;
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Creates an account directly through the service (no actor: trusted) and logs it in. */
export async function createUserAndLogin(
  app: App,
  options: { role: Role; scopeUnitCode: string | null; username?: string; displayName?: string },
): Promise<TestUser> {
  const username = options.username ?? `${options.role.replace(/_/g, '-')}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const { id } = await createUser(
    app.database.db,
    { username, displayName: options.displayName ?? username, password, role: options.role, scopeUnitCode: options.scopeUnitCode },
    null,
  );
  const session = await loginAs(app, { username, password });
  return { ...session, id, username, password };
}

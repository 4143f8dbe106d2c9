import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Refuses a login posted from another site (login CSRF: a page that signs the victim's browser
 * into the attacker's account, so what they record lands there). Browsers name the page's
 * origin on every cross-origin POST, so a login is taken when its Origin is this server's own
 * host (as the browser addressed it) or PUBLIC_URL's. With no Origin at all the caller is not a
 * browser page (a script, the command line), unless the browser says the request is
 * cross-site; such callers hold the password already and gain nothing by forging.
 */
export function refuseCrossSiteLogin(request: FastifyRequest, publicUrl: string | undefined): void {
  const origin = header(request, 'origin');
  if (origin === undefined) {
    if (header(request, 'sec-fetch-site') === 'cross-site') throw new AppError('CROSS_SITE_REQUEST', 'Cross-site login', 'origin');
    return;
  }
  const from = hostOf(origin);
  const allowed = [request.host.toLowerCase(), publicUrl === undefined ? undefined : hostOf(publicUrl)];
  if (from === undefined || !allowed.includes(from)) throw new AppError('CROSS_SITE_REQUEST', `Login from ${origin}`, 'origin');
}

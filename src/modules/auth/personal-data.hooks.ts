import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { recordAudit } from '../audit-log/audit-log.service.js';

/**
 * How a route that answers a person's data (names, phones, usernames, birth years, addresses,
 * the last ID digits, a resident's own words) is accounted for:
 * - `{ audit: 'teams.write' }`: this hook writes an audit entry with that action for every
 *   successful answer;
 * - `{ auditedBy: 'service' }`: the service already writes a richer entry inside its own
 *   transaction (a sync pull with its record count), so the hook only forbids caching;
 * - `{ own: true }`: the answer is the caller's own account, which is no one else's data;
 * - `{ published: true }`: what the person's own rules publish to anyone (a contest phase's
 *   winners, once the organisers publish them), so an entry per anonymous read says nothing.
 * Every one of them is answered `Cache-Control: no-store`, so no proxy or browser cache keeps it.
 */
export type PersonalData = { audit: string } | { auditedBy: 'service' } | { own: true } | { published: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    personalData?: PersonalData;
  }
}

/** Every route the application declared, kept so a test can walk the table. */
const routeTables = new WeakMap<FastifyInstance, RouteOptions[]>();

export function routeTableOf(app: FastifyInstance): readonly RouteOptions[] {
  return routeTables.get(app) ?? [];
}

function field(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' ? found : undefined;
}

/**
 * The unit an entry is filed under, so officers of that subtree read who looked at their
 * people: the unit the answer is about when it names one, else the unit asked for, else the
 * reader's own scope.
 */
function unitOf(request: FastifyRequest, payload: unknown): string | null {
  return field(payload, 'unitCode') ?? field(request.params, 'unitCode') ?? field(request.params, 'unit')
    ?? field(request.query, 'unit') ?? request.viewer?.scopeUnitCode ?? null;
}

/** How many records the answer carried: a page's items, else one. */
function recordCount(payload: unknown): number {
  const items = typeof payload === 'object' && payload !== null ? (payload as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items.length : 1;
}

const hooksOf = <T>(hooks: T | T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

async function noStore(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('cache-control', 'no-store');
  return payload;
}

function audited(app: FastifyInstance, action: string) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (reply.statusCode >= 400) return payload;
    await recordAudit(app.database.db, {
      actorUserId: request.viewer?.id ?? null, action, unitCode: unitOf(request, payload),
      // The path names ids and unit codes only; the query string may carry a search term.
      subject: request.url.split('?')[0]!.slice(0, 200), detail: { records: recordCount(payload) },
    });
    return payload;
  };
}

/**
 * Writes the audit entry and the no-store header for routes marked `config.personalData`.
 * The entry is written before the answer is serialised: if it cannot be written, the answer
 * becomes an error and the data is not sent unaccounted for. Marked skip-override so its hooks
 * reach routes registered beside it.
 */
export const personalDataHooks = Object.assign(
  async function personalDataHooks(app: FastifyInstance): Promise<void> {
    const table: RouteOptions[] = [];
    routeTables.set(app, table);
    // The hooks go on the marked routes only: the other routes (the contest's start and
    // submission among them) do not run two async hooks per request to find nothing to do.
    app.addHook('onRoute', (route) => {
      table.push(route);
      const marking = route.config?.personalData;
      if (!marking) return;
      route.onSend = [...hooksOf(route.onSend), noStore];
      if ('audit' in marking) route.preSerialization = [...hooksOf(route.preSerialization), audited(app, marking.audit)];
    });
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'personal-data-hooks' },
);

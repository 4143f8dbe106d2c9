import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { secretDigest } from '../../lib/hashes.js';
import { scopeRootOf } from '../auth/auth.public.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { getUnit, isWithinScope, subtreeCodes } from '../units/units.service.js';
import { agent, checkStatement, ifiOf, timestamp, uuid, VOIDED_VERB } from './statement-rules.js';
import * as q from './xapi.queries.js';

type Json = Record<string, unknown>;

export interface LearningSystem {
  id: string;
  name: string;
  unitCode: string;
  key: string;
  createdAt: string;
  disabledAt: string | null;
}

const presentSystem = (row: q.SystemRow): LearningSystem => ({
  id: row.id, name: row.name, unitCode: row.unit_code, key: row.key, createdAt: row.created_at.toISOString(), disabledAt: row.disabled_at?.toISOString() ?? null,
});

/**
 * Registers an external learning system (Moodle, Open edX) of a unit; the secret is shown once
 * and only its digest kept. The demo passes its own key and secret from the configuration.
 */
export async function createSystem(
  db: Database, viewer: Viewer | null, input: { name: string; unitCode: string }, fixed?: { key: string; secret: string },
): Promise<LearningSystem & { secret: string }> {
  if (viewer && !(await isWithinScope(db, scopeRootOf(viewer), input.unitCode))) throw new AppError('UNIT_NOT_FOUND', `Unit ${input.unitCode} is not in scope`, 'unitCode');
  await getUnit(db, input.unitCode, undefined, 'unitCode');
  const key = fixed?.key ?? `xk_${randomBytes(9).toString('base64url')}`;
  const secret = fixed?.secret ?? randomBytes(24).toString('base64url');
  const id = randomUUID();
  await q.insertSystem(db, { id, name: input.name.trim(), key, secret_hash: secretDigest(secret), unit_code: input.unitCode, created_by: viewer?.id ?? null });
  if (viewer) await recordAudit(db, { actorUserId: viewer.id, action: 'xapi.system.create', unitCode: input.unitCode, subject: id });
  const row = await q.selectSystemByKey(db, key);
  return { ...presentSystem(row!), secret };
}

export async function listSystems(db: Database, viewer: Viewer, unitCode: string): Promise<LearningSystem[]> {
  if (!(await isWithinScope(db, scopeRootOf(viewer), unitCode))) throw new AppError('UNIT_NOT_FOUND', `Unit ${unitCode} is not in scope`, 'unit');
  return (await q.selectSystemsInUnits(db, await subtreeCodes(db, unitCode))).map(presentSystem);
}

/**
 * Disables a system of the officer's scope: its key stops working at once; its statements stay.
 * Disabling twice answers the first disabling.
 */
export async function disableSystem(db: Database, viewer: Viewer, id: string): Promise<LearningSystem> {
  const row = await q.selectSystemById(db, id);
  if (!row || !(await isWithinScope(db, scopeRootOf(viewer), row.unit_code))) throw new AppError('XAPI_SYSTEM_NOT_FOUND', undefined, 'id');
  if (row.disabled_at) return presentSystem(row);
  const disabled = await q.disableSystem(db, id, new Date());
  await recordAudit(db, { actorUserId: viewer.id, action: 'xapi.system.disable', unitCode: row.unit_code, subject: id });
  return presentSystem(disabled ?? row);
}

/** The system an `Authorization: Basic key:secret` header names, or 401. */
export async function authenticateSystem(db: Database, header: string | undefined): Promise<q.SystemRow> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new AppError('XAPI_CREDENTIALS_INVALID', 'HTTP Basic credentials are required', 'authorization');
  const row = await q.selectSystemByKey(db, decoded.slice(0, colon));
  const given = Buffer.from(secretDigest(decoded.slice(colon + 1)));
  if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash))) throw new AppError('XAPI_CREDENTIALS_INVALID', 'Unknown key or wrong secret', 'authorization');
  return row;
}

/** JSON with sorted keys: two statements with the same content compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes a statement the same statement: everything but what the LRS sets (id, stored, authority, version). */
function digestOf(statement: Json): string {
  const { id: _id, stored: _stored, authority: _authority, version: _version, ...content } = statement;
  return secretDigest(canonical(content));
}

export interface StoredStatements {
  ids: string[];
  /** Statements stored for the first time, for what follows from them (completions). */
  fresh: Json[];
}

/**
 * Stores a batch all or nothing. A statement id already stored with the same content is
 * accepted again and changes nothing; with other content the batch answers 409. A voiding
 * statement marks its target voided; a voiding statement itself cannot be voided.
 */
export async function storeStatements(trx: Database, system: q.SystemRow, input: readonly unknown[], homePage: string, prefix: (i: number) => string): Promise<StoredStatements> {
  const now = new Date();
  const stored = now.toISOString();
  const batch = input.map((value, i) => {
    const s = checkStatement(value, prefix(i));
    const digest = digestOf(s);
    const id = typeof s.id === 'string' ? s.id.toLowerCase() : randomUUID();
    const full: Json = {
      ...s, id, timestamp: s.timestamp ?? stored, stored, version: typeof s.version === 'string' ? s.version : '1.0.0',
      authority: { objectType: 'Agent', name: system.name, account: { homePage, name: system.key } },
    };
    return { index: i, id, digest, full };
  });
  const seen = new Map<string, number>();
  for (const s of batch) {
    if (seen.has(s.id)) throw new AppError('XAPI_STATEMENT_INVALID', `Statement id ${s.id} repeats in the batch`, `${prefix(s.index)}.id`);
    seen.set(s.id, s.index);
  }
  const existing = new Map((await q.selectStatementsByIds(trx, batch.map((s) => s.id))).map((r) => [r.id, r]));
  for (const s of batch) {
    const old = existing.get(s.id);
    if (old && old.content_digest !== s.digest) throw new AppError('XAPI_STATEMENT_CONFLICT', `Statement ${s.id} exists with other content`, `${prefix(s.index)}.id`);
  }
  const fresh = batch.filter((s) => !existing.has(s.id));
  const voiding = fresh.filter((s) => (s.full.verb as Json).id === VOIDED_VERB);
  const targetIds = voiding.map((s) => String((s.full.object as Json).id).toLowerCase());
  const targets = new Map((await q.selectStatementsByIds(trx, targetIds)).map((r) => [r.id, r.verb_id]));
  for (const s of fresh) targets.set(s.id, String((s.full.verb as Json).id));
  for (const s of voiding) {
    const target = String((s.full.object as Json).id).toLowerCase();
    if (targets.get(target) === VOIDED_VERB) throw new AppError('XAPI_STATEMENT_INVALID', 'A voiding statement cannot be voided', `${prefix(s.index)}.object.id`);
  }
  await q.insertStatements(trx, fresh.map((s) => {
    const object = s.full.object as Json;
    const context = s.full.context as Json | undefined;
    return {
      id: s.id, system_id: system.id, stored: now, statement: JSON.stringify(s.full), content_digest: s.digest,
      actor_ifi: ifiOf(s.full.actor as Json) ?? `group:${s.id}`, verb_id: String((s.full.verb as Json).id),
      activity_id: (object.objectType ?? 'Activity') === 'Activity' ? String(object.id) : null,
      registration: typeof context?.registration === 'string' ? context.registration.toLowerCase() : null,
      voids: (s.full.verb as Json).id === VOIDED_VERB ? String(object.id).toLowerCase() : null,
    };
  }));
  await q.markVoided(trx, targetIds);
  return { ids: batch.map((s) => s.id), fresh: fresh.map((s) => s.full) };
}

/** One statement by id; a voided statement answers only to `voidedStatementId`, as the specification wants. */
export async function getStatement(db: Database, id: string, voided: boolean): Promise<Json> {
  const [row] = await q.selectStatementsByIds(db, [id.toLowerCase()]);
  if (!row || row.voided !== voided) throw new AppError('XAPI_STATEMENT_NOT_FOUND', `No ${voided ? 'voided ' : ''}statement ${id}`, voided ? 'voidedStatementId' : 'statementId');
  return row.statement as Json;
}

export interface StatementQuery {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  since?: string;
  until?: string;
  limit?: number;
  ascending?: boolean;
  cursor?: number;
}

export const MAX_PAGE = 100;

/** A page of statements matching the filters, newest stored first unless ascending, and the IRL of the next page. */
export async function queryStatements(db: Database, query: StatementQuery, pathOfNext: (cursor: number) => string): Promise<{ statements: Json[]; more: string }> {
  let actorIfi: string | undefined;
  if (query.agent !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query.agent);
    } catch {
      throw new AppError('XAPI_STATEMENT_INVALID', 'agent must be a JSON Agent object', 'agent');
    }
    actorIfi = ifiOf(agent(parsed, 'agent')) ?? undefined;
  }
  const limit = query.limit === undefined || query.limit === 0 ? MAX_PAGE : Math.min(query.limit, MAX_PAGE);
  const rows = await q.selectStatements(db, {
    actorIfi, verbId: query.verb, activityId: query.activity,
    registration: query.registration === undefined ? undefined : uuid(query.registration, 'registration'),
    since: query.since === undefined ? undefined : new Date(timestamp(query.since, 'since')),
    until: query.until === undefined ? undefined : new Date(timestamp(query.until, 'until')),
    cursor: query.cursor, ascending: query.ascending ?? false, limit,
  });
  const page = rows.slice(0, limit);
  return { statements: page.map((r) => r.statement as Json), more: rows.length > limit ? pathOfNext(page.at(-1)!.seq) : '' };
}

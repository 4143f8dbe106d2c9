import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../lib/seeded-random.js';
import { createUserAndLogin, type TestUser } from '../testing/login.js';
import { encodeText, hostileText, textFor, valueFor, type JsonSchema, type Random } from '../testing/schema-fuzz.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createSmallProvince } from '../testing/unit-fixtures.js';

/**
 * Every route of the OpenAPI document, sent requests built from its own schemas with parts
 * broken: no answer is a 5xx, every refusal is in the one error shape, and a refused write
 * changes no table. FUZZ_RUNS (requests per route and caller, default 1) and FUZZ_SEED make a
 * long run: `FUZZ_RUNS=200 npx vitest run src/http/api-fuzz.test.ts` (see docs/operations.md).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

// The tables writes land in; audit entries and sessions may change on a refused request.
const TABLES = [
  'units', 'unit_versions', 'unit_statistics', 'users', 'households', 'residents', 'visits', 'milestones', 'resident_milestones',
  'sync_items', 'sync_conflicts', 'rollup_counts', 'teams', 'team_members', 'steering_committees', 'reported_values',
  'difficulties', 'indicators', 'targets', 'milestone_kinds', 'campaign_phases',
] as const;

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let callers: TestUser[];

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  callers = [
    await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null }),
    await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: '6600101' }),
  ];
});
afterAll(() => t.close());

function operations(): Operation[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })))
    // Logging out would end the caller's session for the rest of the run.
    .filter((op) => op.path !== '/api/auth/logout');
}

/** Row counts of every table writes land in, in one statement. */
async function counts(): Promise<string> {
  const columns = sql.join(TABLES.map((table) => sql`(select count(*) from ${sql.table(table)})::int as ${sql.ref(table)}`));
  const row = await sql<Record<string, number>>`select ${columns}`.execute(t.db);
  return JSON.stringify(row.rows[0]);
}

function requestFor(random: Random, op: Operation) {
  const breakChance = pick(random, [0.05, 0.2, 0.5]);
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    return textFor(random, schema, breakChance) || 'x';
  });
  const query = (op.parameters ?? []).filter((p) => p.in === 'query' && (p.required || random() < 0.6))
    .map((p) => `${p.name}=${textFor(random, p.schema, breakChance)}`);
  if (random() < breakChance) query.push(`${encodeText(hostileText(random).slice(0, 50)) || 'x'}=1`);
  if (query.length > 0) url += `?${query.join('&')}`;

  const content = op.requestBody?.content ?? {};
  if (content['application/json'] || (op.method !== 'GET' && Object.keys(content).length === 0 && random() < 0.3)) {
    const body = valueFor(random, content['application/json']?.schema, breakChance);
    const text = random() < 0.05 ? '{"broken":' : JSON.stringify(body) ?? 'null';
    return { url, payload: text, contentType: 'application/json' };
  }
  if (content['text/csv']) {
    const header = pick(random, ['code,name,type,parent_code', 'unit_code,kind,day,value', 'team,name,phone']);
    const rows = Array.from({ length: 3 }, () => [hostileText(random), '66001', 'thôn', '1'].map((v) => v.slice(0, 200)).join(','));
    return { url, payload: [header, ...rows].join('\n'), contentType: 'text/csv' };
  }
  return { url, payload: undefined, contentType: undefined };
}

describe(`every route under malformed input (seed ${SEED}, ${RUNS} runs)`, () => {
  it('answers no 5xx, refuses in the one shape and writes nothing when it refuses', async () => {
    const random = seededRandom(SEED);
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const op of ops) {
      for (let run = 0; run < RUNS; run += 1) {
        for (const caller of callers) {
          const { url, payload, contentType } = requestFor(random, op);
          const writes = op.method !== 'GET';
          const before = writes ? await counts() : undefined;
          const response = await t.app.inject({
            method: op.method as 'GET', url, payload,
            headers: { ...caller.headers, ...(contentType ? { 'content-type': contentType } : {}) },
          });
          const where = `${op.method} ${url.slice(0, 200)} ${payload?.slice(0, 200) ?? ''}`;
          if (response.statusCode >= 500) failures.push(`${response.statusCode} ${where}: ${response.body.slice(0, 200)}`);
          if (response.statusCode >= 400) {
            let body: { error?: { code?: unknown; message?: unknown } } | undefined;
            try { body = response.json(); } catch { body = undefined; }
            const shaped = body !== undefined && Object.keys(body).join() === 'error' &&
              typeof body.error?.code === 'string' && typeof body.error.message === 'string';
            if (!shaped) failures.push(`shape ${response.statusCode} ${where}: ${response.body.slice(0, 200)}`);
            if (before) {
              const after = await counts();
              if (after !== before) failures.push(`wrote on ${response.statusCode} ${where}`);
            }
          }
        }
      }
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 600_000);
});

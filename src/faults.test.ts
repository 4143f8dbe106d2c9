import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { openDatabase, openPostgres, type Database } from './db/database.js';
import { recountRollups } from './rollup-sources.js';
import { items, type SyncItem } from './testing/sync-fixtures.js';
import { adminUrl } from './testing/test-database-names.js';
import { killHard, runDoorstep, signIn, startServer, type Client } from './testing/server-process.js';

/**
 * Crash safety with a real server process: `doorstep serve` (and `doorstep scenario`) killed
 * with SIGKILL in the middle of a sync batch, a bulk import and a scenario run. Whatever the
 * server acknowledged is there after the restart, nothing is half-written (every batch and every
 * file is all or nothing, and the dashboard counts equal a recount from the facts), and batches
 * and files sent again after the restart count once. On the embedded database (a data folder)
 * or, with DATABASE_URL, on a fresh PostgreSQL database.
 *
 * FAULT_RUNS (default 1) kills and restarts the server that many times during the sync stream:
 * `FAULT_RUNS=10 npx vitest run src/faults.test.ts` is the long run (docs/operations.md).
 */
const RUNS = Math.max(1, Number(process.env.FAULT_RUNS ?? 1));
const PORT = 3170 + (process.pid % 10);
const PASSWORD = 'fault-pass-2026';
const HOUSEHOLDS_PER_BATCH = 40;

let env: Record<string, string>;
let cleanup: () => Promise<void>;

async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-faults-'));
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `doorstep_f_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl(serverUrl), 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  return {
    env: { DATABASE_URL: adminUrl(serverUrl, name) },
    drop: async () => { await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db); await admin.close(); },
  };
}

const baseEnv = () => ({
  DOORSTEP_DEMO: 'false', DOORSTEP_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent',
  DOORSTEP_SECRET: 'fault-test-secret-key-0123456789abcdef', LOGIN_RATE_LIMIT: '10000',
});

/** Opens the database the server used, with the server stopped (the embedded one is one process's alone). */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
  try { return await work(handle.db); } finally { await handle.close(); }
}

/** The dashboard counts equal what a recount from the facts gives: no fact was written without its count, nor a count without its fact. */
async function countsMatchFacts(db: Database): Promise<void> {
  const snapshot = async (d: Database) => (await sql<{ row: string }>`
    select source || '|' || unit_code || '|' || day || '|' || value as row from rollup_counts where value <> 0 order by 1`.execute(d)).rows.map((r) => r.row);
  const before = await snapshot(db);
  let recounted: string[] = [];
  await db.transaction().execute(async (trx) => {
    await recountRollups(trx);
    recounted = await snapshot(trx);
    throw new RolledBack();
  }).catch((error) => { if (!(error instanceof RolledBack)) throw error; });
  expect(before).toEqual(recounted);
}
class RolledBack extends Error {}

function syncBatch(): { items: SyncItem[]; households: string[] } {
  const batch: SyncItem[] = [];
  const households: string[] = [];
  for (let i = 0; i < HOUSEHOLDS_PER_BATCH; i += 1) {
    const household = items.household({ villageCode: '6600101' });
    const resident = items.resident({ householdId: household.data.id as string });
    batch.push(household, resident, items.visit({ householdId: household.data.id as string, help: [{ residentId: resident.data.id, milestone: 'vneid_activated' }] }));
    households.push(household.data.id as string);
  }
  return { items: batch, households };
}

async function householdsPresent(db: Database, ids: readonly string[]): Promise<number> {
  const row = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', [...ids]).executeTakeFirstOrThrow();
  return Number(row.n);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const fresh = await freshDatabase();
  env = { ...baseEnv(), ...fresh.env };
  cleanup = fresh.drop;
}, 120_000);
afterAll(async () => cleanup?.());

describe(`a server killed with SIGKILL (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database'}, ${RUNS} run(s))`, () => {
  const device = uuidv7();
  const batches = Array.from({ length: 6 + 2 * RUNS }, syncBatch);
  let member: () => Promise<Client>;

  it('loses no acknowledged sync batch, half-writes none, and counts each resent batch once', async () => {
    let server = await startServer(PORT, env);
    try {
      const admin = await signIn(server.base, 'admin', PASSWORD);
      for (const unit of [
        { code: '66', name: 'Tỉnh Thử', type: 'tỉnh', parentCode: null },
        { code: '66001', name: 'Xã Thử', type: 'xã', parentCode: '66' },
        { code: '6600101', name: 'Thôn Thử', type: 'thôn', parentCode: '66001' },
      ]) expect((await admin.send('POST', '/api/units/', { ...unit, validFrom: '2025-07-01' })).status).toBe(201);
      const created = await admin.send('POST', '/api/users/', { username: 'fault-member', displayName: 'Thành viên', password: PASSWORD, role: 'team_member', scopeUnitCode: '6600101' });
      expect(created.status, created.body).toBe(201);
      member = () => signIn(server.base, 'fault-member', PASSWORD);

      const acknowledged = new Set<number>();
      let next = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const client = await member();
        // Batches back to back; the kill lands while one is being applied.
        const stream = (async () => {
          for (; next < batches.length; next += 1) {
            const answer = await client.send('POST', '/api/sync', { deviceId: device, items: batches[next]!.items });
            if (answer.status !== 200) throw new Error(`batch ${next}: ${answer.status} ${answer.body}`);
            acknowledged.add(next);
          }
        })().catch(() => { /* the connection dies with the server */ });
        const stop = acknowledged.size + 2;
        while (acknowledged.size < Math.min(stop, batches.length - 1)) await settle(5);
        await settle(Math.random() * 40);
        await killHard(server);
        await stream;
        next = acknowledged.size;

        await withDatabase(async (db) => {
          for (const [index, batch] of batches.entries()) {
            const present = await householdsPresent(db, batch.households);
            if (acknowledged.has(index)) expect(present, `acknowledged batch ${index}`).toBe(HOUSEHOLDS_PER_BATCH);
            else expect([0, HOUSEHOLDS_PER_BATCH], `batch ${index} is all or nothing`).toContain(present);
          }
          await countsMatchFacts(db);
        });
        server = await startServer(PORT, env);
      }

      // The phone's outbox sends every batch again, the acknowledged ones included.
      const client = await member();
      for (const batch of batches) {
        const answer = await client.send('POST', '/api/sync', { deviceId: device, items: batch.items });
        expect(answer.status, answer.body).toBe(200);
        const results = (JSON.parse(answer.body) as { results: { status: string }[] }).results;
        expect(results.every((r) => r.status === 'applied' || r.status === 'duplicate'), answer.body.slice(0, 300)).toBe(true);
      }
      const coverage = JSON.parse((await client.send('GET', '/api/coverage?unit=6600101')).body) as { households: number; residents: number; milestones: Record<string, number> };
      expect(coverage).toMatchObject({ households: batches.length * HOUSEHOLDS_PER_BATCH, residents: batches.length * HOUSEHOLDS_PER_BATCH });
      expect(coverage.milestones.vneid_activated).toBe(batches.length * HOUSEHOLDS_PER_BATCH);
    } finally {
      await killHard(server);
    }
    await withDatabase(async (db) => {
      expect(Number((await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(batches.length * HOUSEHOLDS_PER_BATCH);
      await countsMatchFacts(db);
    });
  }, 900_000);

  it('writes a bulk import whole or not at all, and a file sent again after the restart counts once', async () => {
    const VILLAGES = 3000;
    const csv = ['commune_code,village_code,name,type',
      ...Array.from({ length: VILLAGES }, (_, i) => `66001,66001${String(i + 10).padStart(4, '0')},Thôn ${i + 10},thôn`)].join('\n');
    const villages = (db: Database) => db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'like', '66001____').executeTakeFirstOrThrow().then((r) => Number(r.n));

    let server = await startServer(PORT, env);
    let answered: number | undefined;
    try {
      const admin = await signIn(server.base, 'admin', PASSWORD);
      const upload = admin.send('POST', '/api/units/import/villages?validFrom=2025-07-01', csv, 'text/csv')
        .then((r) => { answered = r.status; }, () => { /* killed */ });
      await settle(150 + Math.random() * 400);
      await killHard(server);
      await upload;
    } finally {
      await killHard(server);
    }
    await withDatabase(async (db) => {
      const written = await villages(db);
      if (answered === 200) expect(written).toBe(VILLAGES);
      else expect([0, VILLAGES]).toContain(written);
      await countsMatchFacts(db);
    });

    server = await startServer(PORT, env);
    try {
      const admin = await signIn(server.base, 'admin', PASSWORD);
      for (let i = 0; i < 2; i += 1) {
        const again = await admin.send('POST', '/api/units/import/villages?validFrom=2025-07-01', csv, 'text/csv');
        expect(again.status, again.body.slice(0, 300)).toBe(200);
      }
    } finally {
      await killHard(server);
    }
    await withDatabase(async (db) => expect(await villages(db)).toBe(VILLAGES));
  }, 900_000);
});

describe('a scenario run killed with SIGKILL', () => {
  let scenarioEnv: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    scenarioEnv = { ...baseEnv(), ...fresh.env };
    drop = fresh.drop;
  }, 120_000);
  afterAll(async () => drop?.());

  it('leaves counts that equal its facts, and a second run refuses instead of counting twice', async () => {
    const run = runDoorstep(['scenario', 'daklak-2025', '--scale', '0.006'], scenarioEnv);
    const deadline = Date.now() + 600_000;
    // Killed while the field work is being written, batch after batch: each step is logged when it
    // ends, so the teams line means the field work has begun.
    while (!/^\s+teams\s/m.test(run.output()) && Date.now() < deadline) {
      if (run.child.exitCode !== null) throw new Error(`the scenario ended before its field work: ${run.output().slice(-1500)}`);
      await settle(100);
    }
    await settle(300 + Math.random() * 1500);
    await killHard(run);

    const read = async () => {
      const handle = await openDatabase(loadConfig({ ...scenarioEnv }));
      try {
        await countsMatchFacts(handle.db);
        return (await sql<{ row: string }>`select (select count(*) from units) || '/' || (select count(*) from residents) || '/' || (select count(*) from visits) as row`.execute(handle.db)).rows[0]!.row;
      } finally { await handle.close(); }
    };
    const before = await read();

    const again = runDoorstep(['scenario', 'daklak-2025', '--scale', '0.006'], scenarioEnv);
    expect(await again.exited).not.toBe(0);
    expect(again.output()).toMatch(/empty database/);
    expect(await read()).toBe(before);
  }, 900_000);
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { createUserAndLogin, type TestUser } from '../testing/login.js';
import { findPostgresBin, freePort, makeClusters, serverUserProblem, type Clusters } from '../testing/pg-cluster.js';
import { seedReportProvince } from '../testing/report-fixtures.js';
import { TEST_SECRET_KEY } from '../testing/test-app.js';
import { openPostgres, openReplica, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { ReadSource } from './read-replica.js';

/**
 * DATABASE_REPLICA_URL against a real streaming replica: a primary made by initdb and a standby
 * made from it by pg_basebackup, each on a port of 55400–55449, with the application between
 * them. Runs on the PostgreSQL pass of the tests (DATABASE_URL set), where the server binaries
 * are installed; it leaves the shared server alone and makes its own two.
 */
const found = findPostgresBin();
const skipReason = !process.env.DATABASE_URL
  ? 'DATABASE_URL is not set: the read replica test runs on the PostgreSQL pass of the tests'
  : 'missing' in found ? found.missing : serverUserProblem();
if (skipReason) console.warn(`read replica test skipped: ${skipReason}`);

const DAY = '2025-09-01';
const INDICATOR = 'adults_skills_confirmed';

describe.skipIf(skipReason !== undefined)(`reads on a streaming replica${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let clusters: Clusters | undefined;
  let primary: DatabaseHandle | undefined;
  let replica: DatabaseHandle | undefined;
  let standbyAdmin: DatabaseHandle | undefined;
  let app: App | undefined;
  let officer: TestUser;
  const sources: ReadSource[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    const bin = (found as { bin: string }).bin;
    const primaryPort = await freePort(55400, 55449);
    const standbyPort = await freePort(primaryPort + 1, 55449);
    clusters = makeClusters(bin, primaryPort, standbyPort);
    clusters.startPrimary('doorstep');
    primary = await openPostgres(clusters.url(primaryPort, 'doorstep'), 4);
    await migrateToLatest(primary.db);
    await seedReportProvince(primary.db);
    clusters.startStandby();
    standbyAdmin = await openPostgres(clusters.url(standbyPort, 'doorstep'), 1);

    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: clusters.url(primaryPort, 'doorstep'),
      DATABASE_REPLICA_URL: clusters.url(standbyPort, 'doorstep'),
    });
    replica = await openReplica(config);
    app = await buildApp(config, {
      database: primary, replica, secretKey: TEST_SECRET_KEY,
      replicaReads: {
        backoffMs: 300,
        maxBackoffMs: 600,
        onRead: (source) => sources.push(source),
        log: { warn: (_details, message) => logged.push(message), info: (message) => logged.push(message) },
      },
    });
    officer = await createUserAndLogin(app, { role: 'province_officer', scopeUnitCode: '66' });
    await caughtUp();
  });

  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await standbyAdmin?.close();
    await primary?.close();
    clusters?.destroy();
  });

  const get = (url: string) => app!.inject({ method: 'GET', url, headers: officer.headers });
  /** Where the reads of `work` ran. */
  const readsOf = async <T>(work: () => Promise<T>): Promise<{ result: T; ran: ReadSource[] }> => {
    const before = sources.length;
    const result = await work();
    return { result, ran: sources.slice(before) };
  };
  const target = (body: { indicators: { code: string; target: number | null }[] }) => body.indicators.find((i) => i.code === INDICATOR)!.target;

  /**
   * Waits until the standby has replayed everything the primary has written so far. The insert
   * position, not pg_current_wal_lsn(): with synchronous_commit off the last commits may not be
   * written out yet, and the standby would look caught up before it has them.
   */
  async function caughtUp(timeoutMs = 30_000): Promise<void> {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(primary!.db);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replayed = await sql<{ done: boolean }>`select coalesce(pg_last_wal_replay_lsn() >= ${rows[0]!.lsn}::pg_lsn, false) as done`.execute(standbyAdmin!.db);
      if (replayed.rows[0]!.done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${rows[0]!.lsn} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('runs the dashboard\'s and reports\' reads on the standby', async () => {
    const inRecovery = await app!.reads.run((db) => sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(db));
    expect(inRecovery.rows[0]!.standby).toBe(true);

    const { result: responses, ran } = await readsOf(() => Promise.all([
      get(`/api/progress?unit=66&date=${DAY}`),
      get(`/api/progress/children?unit=66&indicator=${INDICATOR}&date=${DAY}`),
      get(`/api/progress/series?unit=66&indicator=${INDICATOR}&from=2025-08-01&to=${DAY}&step=week`),
      get('/api/progress/version?unit=66'),
      get(`/api/progress/teams?unit=66&to=${DAY}`),
      get(`/api/reports/66/summary?date=${DAY}`),
      app!.inject({ method: 'GET', url: '/api/public/progress?unit=66' }),
    ]));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(ran).toEqual(Array(7).fill('replica'));
    expect(target(responses[0]!.json())).toBe(80);
    const { figuresAt } = responses[0]!.json();
    // Caught up and streaming: the figures are current now.
    expect(Math.abs(Date.parse(figuresAt) - Date.now())).toBeLessThan(60_000);
  });

  it('writes an export\'s audit entry on the primary while its figures come from the standby', async () => {
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from audit_events where action = 'report.export'`.execute(primary!.db)).rows[0]!.n);
    const before = await count();
    const { result: response, ran } = await readsOf(() => get(`/api/reports/66.xlsx?date=${DAY}`));
    expect(response.statusCode).toBe(200);
    expect(ran).toEqual(['replica']);
    expect(await count()).toBe(before + 1);
  });

  it('shows figures a replica that lags has not replayed yet, says how old they are, and the write once it catches up', async () => {
    await sql`select pg_wal_replay_pause()`.execute(standbyAdmin!.db);
    for (let i = 0; ; i += 1) {
      const state = await sql<{ state: string }>`select pg_get_wal_replay_pause_state() as state`.execute(standbyAdmin!.db);
      if (state.rows[0]!.state === 'paused') break;
      if (i > 600) throw new Error('the standby did not pause its replay');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      const writtenAfter = Date.now();
      // The write goes to the primary: the standby is read-only and would refuse it.
      const put = await app!.inject({
        method: 'PUT', url: '/api/targets', headers: officer.headers,
        payload: { indicatorCode: INDICATOR, unitCode: '66', targetValue: 55, deadline: '2025-12-31' },
      });
      expect(put.statusCode).toBe(200);
      // The standby has received the write but not replayed it: a lag the dashboard tolerates.
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(primary!.db);
      for (let i = 0; ; i += 1) {
        const received = await sql<{ done: boolean }>`select coalesce(pg_last_wal_receive_lsn() >= ${rows[0]!.lsn}::pg_lsn, false) as done`.execute(standbyAdmin!.db);
        if (received.rows[0]!.done) break;
        if (i > 600) throw new Error('the standby did not receive the write');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const { result: lagging, ran } = await readsOf(() => get(`/api/progress?unit=66&date=${DAY}`));
      expect(lagging.statusCode).toBe(200);
      expect(ran).toEqual(['replica']);
      expect(target(lagging.json())).toBe(80);
      // Honest about it: current as of the last change replayed, before the write.
      const state = await sql<Record<string, unknown>>`select pg_last_wal_replay_lsn()::text as replay, pg_last_wal_receive_lsn()::text as receive, pg_last_xact_replay_timestamp() as last, pg_get_wal_replay_pause_state() as pause, (select count(*) from pg_stat_wal_receiver) as receivers`.execute(standbyAdmin!.db);
      expect(Date.parse(lagging.json().figuresAt), JSON.stringify({ writtenAfter: new Date(writtenAfter), figuresAt: lagging.json().figuresAt, primaryLsn: rows[0]!.lsn, ...state.rows[0] })).toBeLessThan(writtenAfter);
      // The primary has the write already.
      const onPrimary = await sql<{ target_value: string }>`select target_value::text from targets where indicator_code = ${INDICATOR} and unit_code = '66'`.execute(primary!.db);
      expect(Number(onPrimary.rows[0]!.target_value)).toBe(55);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(standbyAdmin!.db);
    }
    await caughtUp();
    const caught = await get(`/api/progress?unit=66&date=${DAY}`);
    expect(target(caught.json())).toBe(55);
    expect(Math.abs(Date.parse(caught.json().figuresAt) - Date.now())).toBeLessThan(60_000);
  });

  it('answers from the primary while the standby is away, logging it once, and returns to the standby', async () => {
    clusters!.stop('standby');
    const urls = [
      `/api/progress?unit=66&date=${DAY}`,
      `/api/progress/children?unit=66&indicator=${INDICATOR}&date=${DAY}`,
      `/api/progress/series?unit=66&indicator=${INDICATOR}&from=2025-08-01&to=${DAY}&step=week`,
      '/api/progress/version?unit=66',
      `/api/reports/66.xlsx?date=${DAY}`,
    ];
    const { result: responses, ran } = await readsOf(async () => {
      const answers = [];
      for (let round = 0; round < 3; round += 1) for (const url of urls) answers.push(await get(url));
      return answers;
    });
    expect(responses.map((r) => r.statusCode)).toEqual(Array(15).fill(200));
    expect(ran).toEqual(Array(15).fill('primary'));
    expect(target(responses[0]!.json())).toBe(55);
    expect(logged.filter((line) => line.startsWith('read replica unavailable'))).toHaveLength(1);

    clusters!.start('standby');
    await caughtUp();
    const deadline = Date.now() + 30_000;
    let back: ReadSource[] = [];
    while (!back.includes('replica')) {
      if (Date.now() > deadline) throw new Error('reads did not return to the standby');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { result, ran: again } = await readsOf(() => get(`/api/progress?unit=66&date=${DAY}`));
      expect(result.statusCode).toBe(200);
      back = again;
    }
    expect(logged.filter((line) => line.startsWith('read replica unavailable'))).toHaveLength(1);
    expect(logged.at(-1)).toMatch(/^read replica answers again/);
  });
});

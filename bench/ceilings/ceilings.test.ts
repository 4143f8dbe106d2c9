import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startTestApp, type TestApp } from '../../src/testing/test-app.js';
import { createUserAndLogin, type TestUser } from '../../src/testing/login.js';
import { deviceOf, items, type Device } from '../../src/testing/sync-fixtures.js';
import { createSmallProvince } from '../../src/testing/unit-fixtures.js';
import { recountRollups } from '../../src/rollup-sources.js';
import { snapshotRollups } from '../../src/modules/rollups/rollups.service.js';
import { vietnamDay } from '../../src/lib/vietnam-day.js';
import { runSyncIngest } from '../sync-ingest-run.js';
import { bulkCopyCeiling, copyWaves, LOG_OF_CHANGES } from './bulk-copy-ceiling.js';
import { compareToCeiling } from './compare.js';
import { attemptsLike, writeAttemptBatchesBySql, writeAttemptsBySql } from './contest-ceiling.js';
import { importAikenBank, registerPerson, rightAnswers, type ContestClient } from '../../src/modules/contest/contest-fixtures.js';
import { recordQueries } from './query-recorder.js';
import { benchRead } from './read-ceilings.js';
import { ProgressAnswerSchema } from '../../src/modules/targets/progress/progress.schema.js';
import { currentTransactionId, rowsWrittenSince } from './row-census.js';
import { areaOfVillage, writeVisitsBySql, type CeilingPlace, type CeilingVisit } from './sync-ceiling.js';

// One app over the small province for every benchmark's ceiling: the benchmarks themselves run
// at full size from `npm run bench:*`; here they run small, for their shape and their sameness.
const VILLAGE = '6600101';
const KINDS = ['vneid_activated', 'vneid_level2', 'provincial_app'];

let t: TestApp;
let url: string;
let member: TestUser;
let officer: TestUser;
let device: Device;
let place: CeilingPlace;
const people = Array.from({ length: 24 }, () => ({ household: uuidv7(), resident: uuidv7() }));
// Two halves of the village: one visited through the write path, the other by the ceiling's SQL.
const throughApp = people.slice(0, 12);
const bySql = people.slice(12);

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  officer = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  device = deviceOf(t.app, member);
  await device.pushOk(people.flatMap((p) => [
    items.household({ id: p.household, villageCode: VILLAGE }), items.resident({ id: p.resident, householdId: p.household }),
  ]));
  place = { villageCode: VILLAGE, provinceCode: '66', areaCode: await areaOfVillage(t.db, VILLAGE), userId: member.id, deviceId: device.deviceId, skill: 'online_safety' };
});
afterAll(async () => { await t?.close(); });

/** The round's visits of a half: the same days and milestones on both sides, a day apart per person. */
function visitsOf(half: typeof people, round: { firstDay: number; kind: (i: number) => string }): CeilingVisit[] {
  return half.map((p, i) => {
    const visitedAt = new Date(Date.UTC(2025, 7, round.firstDay + (i % 6), 2, 30)).toISOString();
    return { id: uuidv7(), householdId: p.household, residentId: p.resident, visitedAt, day: vietnamDay(new Date(visitedAt)), milestone: round.kind(i) };
  });
}

async function throughWritePath(visits: CeilingVisit[]): Promise<Record<string, number>> {
  const since = await currentTransactionId(t.db);
  const body = await device.pushOk(visits.map((v) => items.visit({
    householdId: v.householdId, visitedAt: v.visitedAt, peoplePresent: [v.residentId],
    help: [{ residentId: v.residentId, milestone: v.milestone }], skillsTaught: [place.skill], outcome: 'guided',
  }, v.visitedAt)));
  expect(body.results.every((r) => r.status === 'applied')).toBe(true);
  return rowsWrittenSince(t.db, since);
}

async function throughCeiling(visits: CeilingVisit[]): Promise<Record<string, number>> {
  const since = await currentTransactionId(t.db);
  await writeVisitsBySql(t.db, place, visits);
  return rowsWrittenSince(t.db, since);
}

describe('the sync ceiling writes what the write path writes', () => {
  // Each round runs on both halves; the counts are the database's, read from the rows' xmin.
  const rounds = [
    { name: 'first visits: every household reached, every kind new', firstDay: 10, kind: (i: number) => KINDS[i % KINDS.length]! },
    { name: 'visits again, earlier: first days move back', firstDay: 3, kind: (i: number) => KINDS[i % KINDS.length]! },
    { name: 'visits again, later: nothing moves but the visits', firstDay: 20, kind: (i: number) => KINDS[(i + 1) % KINDS.length]! },
  ];
  for (const round of rounds) {
    it(round.name, async () => {
      const app = await throughWritePath(visitsOf(throughApp, round));
      const ceiling = await throughCeiling(visitsOf(bySql, round));
      expect(app.visits).toBe(throughApp.length);
      expect(ceiling).toEqual(app);
    });
  }

  it('leaves the rollups as a rebuild from the facts finds them', async () => {
    const incremental = await snapshotRollups(t.db);
    expect(incremental.counts.some((row) => row.source === 'milestone:vneid_level2')).toBe(true);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(incremental);
  });
});

describe('every benchmark reports ceiling, doorstep and ratio', () => {
  it('sync ingest: the same visits through POST /api/sync and by plain SQL', async () => {
    const result = await runSyncIngest(url, t.db, { visits: 60, households: 15, concurrency: 2, batchSize: 30, village: '6600201' });
    const { ceiling, doorstep, ratio } = result.visitsPerSecond;
    expect(ceiling).toBeGreaterThan(0);
    expect(doorstep).toBeGreaterThan(0);
    expect(ratio).toBeCloseTo(doorstep / ceiling, 1);
    // The ceiling's two halves bracket Doorstep's part; together they are the ceiling.
    expect(result.ceilingHalves).toHaveLength(2);
    const [before, after] = result.ceilingHalves as [number, number];
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    expect(ceiling).toBeCloseTo(60 / (30 / before + 30 / after), -1);
    expect(result.replayedBatch.duplicates).toBe(30);
    // Where a batch's time goes: its statements by name, the visits' write and the commit among them.
    expect(Object.keys(result.statementMsPerBatch)).toEqual(expect.arrayContaining(['write visits+household_visits', 'commit']));
    expect(result.statementMsPerBatch['write visits+household_visits']).toBeGreaterThan(0);
    // Where there is /proc, each side's CPU of the whole machine is read (a short run may round to 0).
    if (process.platform === 'linux') {
      expect(result.machineCpuMsPer1000Visits!.ceiling).toBeGreaterThanOrEqual(0);
      expect(result.machineCpuMsPer1000Visits!.doorstep).toBeGreaterThanOrEqual(0);
    }
    // Both sides wrote their visits and the facts they give, in the other village.
    const counted = await sql<{ visits: number; facts: number }>`
      select (select count(*)::int from visits where village_code = '6600201') as visits,
             (select count(*)::int from milestones where unit_code = '6600201') as facts`.execute(t.db);
    expect(counted.rows[0]).toEqual({ visits: 120, facts: 120 });
  });

  it('dashboard reads: the route beside its own statements alone and a bare Fastify route', async () => {
    const recorded = await recordQueries(() => t.app.inject({ method: 'GET', url: '/api/progress?unit=66', headers: officer.headers }));
    expect(recorded.some((q) => q.parameters.includes('66'))).toBe(true);
    const result = await benchRead(url, t.db, '/api/progress?unit=66', officer.headers, 5, ProgressAnswerSchema);
    expect(result.statements).toBeGreaterThan(0);
    expect(result.statementHeads).toHaveLength(result.statements);
    // The schema's serialisation is the route's own: the same bytes as the answer's JSON.
    const answered = await t.app.inject({ method: 'GET', url: '/api/progress?unit=66', headers: officer.headers });
    expect(result.answer.bytes.json).toBe(answered.rawPayload.length);
    expect(result.answer.cpuMs.schema).toBeGreaterThanOrEqual(0);
    for (const [comparison, doorstep] of [[result.p95, result.doorstepMadeAfresh], [result.p95OverFastify, result.doorstep]] as const) {
      expect(comparison.ceiling).toBeGreaterThan(0);
      expect(Math.abs(comparison.doorstep - doorstep.p95)).toBeLessThan(0.5);
      expect(comparison.ratio).toBeCloseTo(comparison.doorstep / comparison.ceiling, 1);
    }
    // The SQL ceiling is the statements that make the answer, not the two that find it kept
    // (the session, whether anything changed).
    expect(result.statements).toBeGreaterThan(2);
    expect(result.sqlInsideDatabaseMs).toBeGreaterThan(0);
  });

  it('scenario: every row of every table written again by bulk SQL, nothing left behind', async () => {
    const counts = await sql<{ name: string; n: number }>`
      select relname as name, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', relname), false, true, '')))[1]::text::int as n
      from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and relname not like 'kysely_%' and relname <> ${LOG_OF_CHANGES}`.execute(t.db);
    const expected = Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.n)]));
    const result = await bulkCopyCeiling(t.db, 2);
    expect(result.tables).toEqual(expected);
    expect(result.tables.visits).toBeGreaterThan(0);
    // The copies pay for the same checks: every foreign key and trigger of the public tables.
    const catalogue = await sql<{ keys: number; triggers: number }>`
      select (select count(*)::int from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace) as keys,
             (select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and c.relnamespace = 'public'::regnamespace) as triggers`.execute(t.db);
    expect(result.foreignKeys).toBe(catalogue.rows[0]!.keys);
    expect(result.triggers).toBe(catalogue.rows[0]!.triggers);
    expect(result.foreignKeys).toBeGreaterThan(0);
    expect(result.triggers).toBeGreaterThan(0);
    const left = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = 'ceiling_copy'`.execute(t.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('scenario ceiling: a table is copied after the tables its foreign keys point at', () => {
    const waves = copyWaves(['a_members', 'b_teams', 'c_units', 'd_alone'], [
      { table: 'a_members', references: 'b_teams' }, { table: 'b_teams', references: 'c_units' }, { table: 'c_units', references: 'c_units' },
    ]);
    expect(waves).toEqual([['c_units', 'd_alone'], ['b_teams'], ['a_members']]);
    expect(() => copyWaves(['x', 'y'], [{ table: 'x', references: 'y' }, { table: 'y', references: 'x' }])).toThrow(/circle/);
  });
});

describe('the contest ceiling writes what a start and a submission write', () => {
  const createContest = async (bankId: string) => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/contest-admin/contests', headers: officer.headers,
      payload: { provinceCode: '66', title: 'Trần', bankId, phases: [{ startsOn: vietnamDay(), endsOn: vietnamDay() }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  const takePart = async (contestId: string, person: ContestClient, right: number) => {
    const started = await t.app.inject({ method: 'POST', url: `/api/contests/${contestId}/attempts`, headers: { cookie: person.cookie }, remoteAddress: person.address });
    expect(started.statusCode, started.body).toBe(200);
    const paper = started.json();
    const submitted = await t.app.inject({
      method: 'POST', url: `/api/attempts/${paper.attemptId}/submit`, headers: { cookie: person.cookie }, remoteAddress: person.address,
      payload: { answers: rightAnswers(paper, right), prediction: 100 + right },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  };

  it('the same rows of every table, counted in the database, and a ceiling to compare with', async () => {
    const bankId = await importAikenBank(t.app, officer, 30);
    const real = await createContest(bankId);
    const again = await createContest(bankId);
    // Two units, one of them counted here for the first time: its area is recorded before the
    // census (once per unit ever), so both sides then find every area known.
    const units = ['6600101', '6600102'];
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => registerPerson(t.app, units[i % 2]!)));
    await takePart(real, people[0]!, 10);
    await takePart(real, people[1]!, 10);

    let since = await currentTransactionId(t.db);
    await Promise.all(people.slice(2).map((person, i) => takePart(real, person, i)));
    const app = await rowsWrittenSince(t.db, since);

    const attempts = (await attemptsLike(t.db, real)).filter((a) => a.correct !== 10);
    expect(attempts).toHaveLength(6);
    since = await currentTransactionId(t.db);
    const elapsedMs = await writeAttemptsBySql(t.db, { contestId: again, phaseNumber: 1, day: vietnamDay(), source: 'contest_participants' }, attempts, 3);
    const ceiling = await rowsWrittenSince(t.db, since);

    expect(app).toMatchObject({ contest_attempts: 6, contest_entries: 6 });
    // The change log holds one row per writing transaction: the ceiling commits each attempt's
    // two statements apart (12), the routes write the starts and the scorings that arrive
    // together in one statement each, so they commit as many or fewer. Every other table the same.
    const { data_changes: appTransactions, ...appRows } = app;
    const { data_changes: ceilingTransactions, ...ceilingRows } = ceiling;
    expect(ceilingRows).toEqual(appRows);
    expect(ceilingTransactions).toBe(12);
    expect(appTransactions).toBeGreaterThanOrEqual(2);
    expect(appTransactions).toBeLessThanOrEqual(12);
    // The batched ceiling writes the same rows again, in a third contest, two statements per batch.
    const batched = await createContest(bankId);
    since = await currentTransactionId(t.db);
    await writeAttemptBatchesBySql(t.db, { contestId: batched, phaseNumber: 1, day: vietnamDay(), source: 'contest_participants' }, attempts, 4);
    const { data_changes: batchedTransactions, ...batchedRows } = await rowsWrittenSince(t.db, since);
    expect(batchedRows).toEqual(appRows);
    expect(batchedTransactions).toBe(4);
    // The ceilings' attempts carry the real ones' papers and scores, in the other contests.
    const stored = await sql<{ contest_id: string; n: number; score: number }>`
      select contest_id, count(*)::int as n, sum(score)::int as score from contest_attempts
      where contest_id in (${real}, ${again}, ${batched}) and participant_id in (select participant_id from contest_attempts where contest_id = ${again})
      group by contest_id order by contest_id = ${real} desc, contest_id = ${again} desc`.execute(t.db);
    expect(stored.rows.map((r) => [r.n, r.score])).toEqual([[6, 150], [6, 150], [6, 150]]);
    const ceilingRate = (2 * attempts.length) / (elapsedMs / 1000);
    const comparison = compareToCeiling('req/s', ceilingRate, 1, {});
    expect(comparison.ceiling).toBeGreaterThan(0);
    // The ratio is rounded to three decimals from the unrounded figures (the printed ceiling is rounded too).
    expect(Math.abs(comparison.ratio - 1 / ceilingRate)).toBeLessThanOrEqual(0.0005);
  });

  it('leaves the rollups as a rebuild from the facts finds them', async () => {
    const incremental = await snapshotRollups(t.db);
    expect(incremental.counts.some((row) => row.source === 'contest_participants')).toBe(true);
    await t.db.transaction().execute((trx) => recountRollups(trx));
    expect(await snapshotRollups(t.db)).toEqual(incremental);
  });
});

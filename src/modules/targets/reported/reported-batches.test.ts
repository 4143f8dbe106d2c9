import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import type { Viewer } from '../../../http/access.js';
import { createUserAndLogin } from '../../../testing/login.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { upsertIndicator } from '../indicators/indicators.queries.js';
import { decideReportedValues, saveReportedValues } from './reported-batches.service.js';
import { decideReportedValue, saveReportedValue, type SaveReportedValue } from './reported-values.service.js';
import { rowsLeftBy } from '../../../testing/rows-left-by.js';

/** Figures saved and approved in a batch write the rows one by one would, and refuse what one by one would. */

let t: TestApp;
let author: Viewer;
let approver: Viewer;
let commune: Viewer;

beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      await createSmallProvince(db);
      await upsertIndicator(db, {
        explanation_vi: '', explanation_en: '', sort: 1, active: true,
        code: 'cadres_trained', name_vi: 'CBCCVC được tập huấn', name_en: 'Cadres trained', unit_label: '%', percent: true,
        numerator: JSON.stringify({ source: 'reported', over: 'latest' }), denominator: JSON.stringify({ source: 'statistic', kind: 'cadres' }),
      });
    },
  });
  const viewer = async (role: 'province_officer' | 'commune_officer', scopeUnitCode: string): Promise<Viewer> => {
    const user = await createUserAndLogin(t.app, { role, scopeUnitCode });
    return { id: user.id, username: user.username, role, scopeUnitCode };
  };
  author = await viewer('province_officer', '66');
  approver = await viewer('province_officer', '66');
  commune = await viewer('commune_officer', '66001');
});
afterAll(() => t.close());

const figures: SaveReportedValue[] = [
  { indicatorCode: 'cadres_trained', unitCode: '66001', periodType: 'month', periodStart: '2025-08-01', value: 410, submit: true },
  { indicatorCode: 'cadres_trained', unitCode: '66002', periodType: 'month', periodStart: '2025-08-01', value: 120, submit: true, comment: 'Theo báo cáo' },
  { indicatorCode: 'cadres_trained', unitCode: '66003', periodType: 'month', periodStart: '2025-08-01', value: 95 },
];

/** The figures and their history as stored, without what differs between two writes of them (ids, times). */
async function stored(db: Database) {
  const values = await sql`select indicator_code, unit_code, province_code, period_type, period_start::text, period_end::text, value, status, comment, updated_by
    from reported_values order by unit_code`.execute(db);
  const history = await sql`select r.unit_code, h.action, h.value, h.status, h.comment, h.actor_user_id
    from reported_value_history h join reported_values r on r.id = h.reported_value_id order by r.unit_code, h.action`.execute(db);
  return { values: values.rows, history: history.rows };
}

/** Runs `work` in a transaction, answers the rows it left, and undoes it. */
const rowsOf = (work: (trx: Database) => Promise<unknown>) => rowsLeftBy(t.db, work, stored);

describe('reported figures in a batch', () => {
  it('writes the figures and history steps that saving and approving them one by one writes', async () => {
    const oneByOne = await rowsOf(async (trx) => {
      for (const figure of figures) {
        const saved = await saveReportedValue(trx, author, figure);
        if (figure.submit) await decideReportedValue(trx, approver, saved.id, 'approve');
      }
    });
    const batch = await rowsOf(async (trx) => {
      const saved = await saveReportedValues(trx, author, figures);
      expect(saved.map((s) => [s.unitCode, s.status, s.value])).toEqual([['66001', 'submitted', 410], ['66002', 'submitted', 120], ['66003', 'draft', 95]]);
      const decided = await decideReportedValues(trx, approver, saved.filter((s) => s.status === 'submitted').map((s) => s.id), 'approve');
      expect(decided.map((d) => d.status)).toEqual(['approved', 'approved']);
    });
    expect(oneByOne.values).toHaveLength(3);
    expect(oneByOne.history).toHaveLength(5);
    expect(batch).toEqual(oneByOne);
  });

  it('saves a draft again and refuses what a single save or decision refuses, writing nothing', async () => {
    await saveReportedValues(t.db, author, [figures[2]!]);
    const again = await saveReportedValues(t.db, author, [{ ...figures[2]!, value: 97, submit: true }, figures[0]!]);
    expect(again.map((s) => [s.unitCode, s.status, s.value])).toEqual([['66003', 'submitted', 97], ['66001', 'submitted', 410]]);
    const before = await stored(t.db);

    const refusal = (work: (trx: Database) => Promise<unknown>) => t.db.transaction().execute(work).then(() => null, (error: { code?: string }) => error.code);
    expect(await refusal((trx) => saveReportedValues(trx, author, [figures[1]!, figures[0]!]))).toBe('REPORTED_VALUE_LOCKED');
    expect(await refusal((trx) => saveReportedValues(trx, author, [{ ...figures[1]!, periodStart: '2025-09-01' }, { ...figures[1]!, periodStart: '2025-09-01' }]))).toBe('VALIDATION_FAILED');
    expect(await refusal((trx) => saveReportedValues(trx, commune, [{ ...figures[0]!, periodStart: '2025-09-01' }, { ...figures[1]!, periodStart: '2025-09-01' }]))).toBe('UNIT_NOT_FOUND');
    expect(await refusal((trx) => saveReportedValues(trx, author, [{ ...figures[1]!, periodStart: '2025-09-02' }]))).toBe('PERIOD_INVALID');
    const ids = again.map((s) => s.id);
    expect(await refusal((trx) => decideReportedValues(trx, author, ids, 'approve'))).toBe('APPROVER_IS_AUTHOR');
    expect(await refusal((trx) => decideReportedValues(trx, commune, ids, 'approve'))).toBe('REPORTED_VALUE_NOT_FOUND');
    expect(await refusal((trx) => decideReportedValues(trx, approver, [...ids, 999_999], 'approve'))).toBe('REPORTED_VALUE_NOT_FOUND');
    expect(await stored(t.db)).toEqual(before);

    const approved = await decideReportedValues(t.db, approver, ids, 'approve');
    // In id order: the draft of 66003 was saved first.
    expect(approved.map((a) => [a.unitCode, a.status])).toEqual([['66003', 'approved'], ['66001', 'approved']]);
    expect(await refusal((trx) => decideReportedValues(trx, approver, ids, 'approve'))).toBe('STATUS_TRANSITION_INVALID');
  });
});

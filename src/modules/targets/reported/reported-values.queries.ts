import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { ReportedStatus, ReportedValuesTable } from '../../../db/types.js';

export type ReportedValueRow = Selectable<ReportedValuesTable>;

export function findReportedValue(
  db: Database, key: { indicator_code: string; unit_code: string; period_type: ReportedValueRow['period_type']; period_start: string },
): Promise<ReportedValueRow | undefined> {
  return db.selectFrom('reported_values').selectAll()
    .where('indicator_code', '=', key.indicator_code).where('unit_code', '=', key.unit_code)
    .where('period_type', '=', key.period_type).where('period_start', '=', key.period_start)
    .executeTakeFirst();
}

export function findReportedValueById(db: Database, id: number): Promise<ReportedValueRow | undefined> {
  return db.selectFrom('reported_values').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a step of a figure's history records beside the figure's new state (its value and status are the row's). */
export interface HistoryStep {
  action: 'save' | 'submit' | 'approve' | 'return';
  comment: string | null;
  actor_user_id: string | null;
}

/**
 * Writes a figure's new state and its step in the history in one statement (one round trip for
 * what an officer's save or decision changes); answers the figure as written.
 */
async function withHistory(db: Database, write: RawBuilder<unknown>, step: HistoryStep): Promise<ReportedValueRow> {
  const row = (await withHistoryRows(db, write, step))[0];
  if (!row) throw new Error('reported value not written');
  return row;
}

/**
 * The same for every figure `write` returns, their steps in the same statement. A step without
 * its own comment (`null` for a batch) records each figure's comment as written.
 */
async function withHistoryRows(db: Database, write: RawBuilder<unknown>, step: HistoryStep | BatchStep): Promise<ReportedValueRow[]> {
  const comment = 'comment' in step ? sql`${step.comment}::text` : sql`comment`;
  const result = await sql<ReportedValueRow>`
    with written as (${write}),
    step as (
      insert into reported_value_history (reported_value_id, province_code, action, value, status, comment, actor_user_id)
      select id, province_code, ${step.action}, value, status, ${comment}, ${step.actor_user_id}::uuid from written order by id
    )
    select * from written order by id`.execute(db);
  return result.rows;
}

/** A step shared by a batch of figures, each of which keeps its own comment in its history. */
export type BatchStep = Omit<HistoryStep, 'comment'>;

export type ReportedKey = Pick<ReportedValueRow, 'indicator_code' | 'unit_code' | 'period_type' | 'period_start'>;

/** Of these keys, the figures that exist (findReportedValue for a batch, one statement). */
export async function findReportedValuesByKeys(db: Database, keys: readonly ReportedKey[]): Promise<ReportedValueRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<ReportedValueRow>`
    select r.* from reported_values r
    join unnest(${keys.map((k) => k.indicator_code)}::text[], ${keys.map((k) => k.unit_code)}::text[],
      ${keys.map((k) => k.period_type)}::text[], ${keys.map((k) => k.period_start)}::date[]) as k(indicator_code, unit_code, period_type, period_start)
    on r.indicator_code = k.indicator_code and r.unit_code = k.unit_code and r.period_type::text = k.period_type and r.period_start = k.period_start`.execute(db);
  return result.rows;
}

export function findReportedValuesByIds(db: Database, ids: readonly number[]): Promise<ReportedValueRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('reported_values').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
}

/** Inserts figures and their first step in one statement; answers them as written, by id. */
export async function insertReportedValues(db: Database, rows: Insertable<ReportedValuesTable>[], step: BatchStep): Promise<ReportedValueRow[]> {
  if (rows.length === 0) return [];
  return withHistoryRows(db, sql`${db.insertInto('reported_values').values(rows).returningAll()}`, step);
}

/**
 * Moves figures to `status` in one statement with their steps; a figure keeps its comment when
 * `comment` is undefined, as a decision without one does.
 */
export async function updateReportedValues(
  db: Database, ids: readonly number[], patch: { status: ReportedStatus; comment?: string; updated_by: string | null }, step: HistoryStep,
): Promise<ReportedValueRow[]> {
  if (ids.length === 0) return [];
  const set = { status: patch.status, updated_by: patch.updated_by, updated_at: sql<Date>`now()`, ...(patch.comment === undefined ? {} : { comment: patch.comment }) };
  return withHistoryRows(db, sql`${db.updateTable('reported_values').set(set).where('id', 'in', [...ids]).returningAll()}`, step);
}

export async function insertReportedValue(db: Database, row: Insertable<ReportedValuesTable>, step: HistoryStep): Promise<ReportedValueRow> {
  return withHistory(db, sql`${db.insertInto('reported_values').values(row).returningAll()}`, step);
}

export async function updateReportedValue(
  db: Database, id: number, patch: { value?: number; status: ReportedStatus; comment?: string | null; updated_by: string | null }, step: HistoryStep,
): Promise<ReportedValueRow> {
  return withHistory(db, sql`${db.updateTable('reported_values').set({ ...patch, updated_at: sql`now()` }).where('id', '=', id).returningAll()}`, step);
}

/** Who saved or submitted a figure at any step: none of them may approve it. */
export async function authorsOf(db: Database, reportedValueId: number): Promise<string[]> {
  const rows = await db.selectFrom('reported_value_history').select('actor_user_id').distinct()
    .where('reported_value_id', '=', reportedValueId).where('action', 'in', ['save', 'submit']).execute();
  return rows.flatMap((row) => (row.actor_user_id ? [row.actor_user_id] : []));
}

/** authorsOf for a batch of figures, by figure. */
export async function authorsOfMany(db: Database, ids: readonly number[]): Promise<Map<number, string[]>> {
  const authors = new Map<number, string[]>();
  if (ids.length === 0) return authors;
  const rows = await db.selectFrom('reported_value_history').select(['reported_value_id', 'actor_user_id']).distinct()
    .where('reported_value_id', 'in', [...ids]).where('action', 'in', ['save', 'submit']).execute();
  for (const row of rows) {
    if (row.actor_user_id) authors.set(Number(row.reported_value_id), [...(authors.get(Number(row.reported_value_id)) ?? []), row.actor_user_id]);
  }
  return authors;
}

export function listHistory(db: Database, reportedValueId: number) {
  return db.selectFrom('reported_value_history').selectAll().where('reported_value_id', '=', reportedValueId).orderBy('id').execute();
}

export function listReportedValues(
  db: Database,
  filter: { unitCodes: readonly string[] | null; indicatorCode?: string; status?: ReportedStatus; after?: number; limit: number },
): Promise<ReportedValueRow[]> {
  let query = db.selectFrom('reported_values').selectAll();
  if (filter.unitCodes !== null) query = query.where(sql<boolean>`unit_code = any(${[...filter.unitCodes]}::text[])`);
  if (filter.indicatorCode) query = query.where('indicator_code', '=', filter.indicatorCode);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after !== undefined) query = query.where('id', '<', filter.after);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** A figure that counts for a unit: the latest one (and when its period ended), or the sum over its periods. */
export interface CountedReportedValue {
  indicator_code: string;
  unit_code: string;
  value: number;
  /** The end of the period the value describes (the last period's, for a sum). */
  period_end: string;
}

/**
 * The figures that count, per indicator and unit of a province, as of `day`: submitted or
 * approved values of periods ended by then — the latest per unit for the indicators in
 * `latest`, the sum of them for those in `sum`. One query for all the indicators of a
 * dashboard; the caller keeps the units of its subtree.
 */
export async function countedReportedValues(
  db: Database, indicators: { latest: readonly string[]; sum: readonly string[] }, provinceCode: string, day: string,
): Promise<CountedReportedValue[]> {
  if (indicators.latest.length + indicators.sum.length === 0) return [];
  const result = await sql<CountedReportedValue>`
    select * from (
      select distinct on (indicator_code, unit_code) indicator_code, unit_code, value, period_end from reported_values
      where indicator_code = any(${[...indicators.latest]}::text[]) and province_code = ${provinceCode}
        and status in ('submitted', 'approved') and period_end <= ${day}
      order by indicator_code, unit_code, period_end desc, id desc
    ) latest
    union all
    select indicator_code, unit_code, sum(value) as value, max(period_end) as period_end from reported_values
    where indicator_code = any(${[...indicators.sum]}::text[]) and province_code = ${provinceCode}
      and status in ('submitted', 'approved') and period_end <= ${day}
    group by indicator_code, unit_code`.execute(db);
  return result.rows.map((row) => ({ indicator_code: row.indicator_code, unit_code: row.unit_code, value: Number(row.value), period_end: row.period_end }));
}

import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { IndicatorsTable, IndicatorVariantsTable, TargetChangesTable, TargetsTable } from '../../../db/types.js';

export type IndicatorRow = Selectable<IndicatorsTable>;
export type TargetRow = Selectable<TargetsTable>;

export function findIndicator(db: Database, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * The indicators as a province sees them: the shared definition with the province's own
 * wording, order and visibility laid over it (none for an administrator or a caller with no
 * province). The formula is always the shared one.
 */
export async function listIndicators(db: Database, includeInactive = false, provinceCode: string | null = null): Promise<IndicatorRow[]> {
  const rows = await db.selectFrom('indicators as i')
    .leftJoin('indicator_variants as v', (join) => join.onRef('v.indicator_code', '=', 'i.code').on('v.province_code', '=', provinceCode ?? ''))
    .select([
      'i.code', 'i.percent', 'i.numerator', 'i.denominator', 'i.updated_at',
      sql<string>`coalesce(v.name_vi, i.name_vi)`.as('name_vi'), sql<string>`coalesce(v.name_en, i.name_en)`.as('name_en'),
      sql<string>`coalesce(v.explanation_vi, i.explanation_vi)`.as('explanation_vi'),
      sql<string>`coalesce(v.explanation_en, i.explanation_en)`.as('explanation_en'),
      sql<string>`coalesce(v.unit_label, i.unit_label)`.as('unit_label'),
      sql<number>`coalesce(v.sort, i.sort)`.as('sort'), sql<boolean>`coalesce(v.active, i.active)`.as('active'),
    ])
    .execute();
  return rows.filter((row) => includeInactive || row.active)
    .sort((a, b) => a.sort - b.sort || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export async function upsertIndicatorVariant(db: Database, row: Insertable<IndicatorVariantsTable>): Promise<void> {
  await db.insertInto('indicator_variants').values(row)
    .onConflict((oc) => oc.columns(['province_code', 'indicator_code']).doUpdateSet((eb) => ({
      name_vi: eb.ref('excluded.name_vi'), name_en: eb.ref('excluded.name_en'),
      explanation_vi: eb.ref('excluded.explanation_vi'), explanation_en: eb.ref('excluded.explanation_en'),
      unit_label: eb.ref('excluded.unit_label'), sort: eb.ref('excluded.sort'), active: eb.ref('excluded.active'),
      updated_by: eb.ref('excluded.updated_by'), updated_at: sql`now()`,
    })))
    .execute();
}

export async function upsertIndicator(db: Database, row: Insertable<IndicatorsTable>): Promise<void> {
  await db.insertInto('indicators').values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
      name_vi: eb.ref('excluded.name_vi'), name_en: eb.ref('excluded.name_en'),
      explanation_vi: eb.ref('excluded.explanation_vi'), explanation_en: eb.ref('excluded.explanation_en'),
      unit_label: eb.ref('excluded.unit_label'), percent: eb.ref('excluded.percent'),
      numerator: eb.ref('excluded.numerator'), denominator: eb.ref('excluded.denominator'),
      sort: eb.ref('excluded.sort'), active: eb.ref('excluded.active'), updated_at: sql`now()`,
    })))
    .execute();
}

export async function countIndicators(db: Database): Promise<number> {
  const row = await db.selectFrom('indicators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Targets set on any of `unitCodes` (a unit and its ancestors), for the nearest one to win. */
export function targetsFor(db: Database, unitCodes: readonly string[]): Promise<TargetRow[]> {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return db.selectFrom('targets').selectAll().where('unit_code', 'in', unitCodes).execute();
}

export async function upsertTarget(db: Database, row: Insertable<TargetsTable>): Promise<void> {
  await db.insertInto('targets').values(row)
    .onConflict((oc) => oc.columns(['indicator_code', 'unit_code', 'province_code']).doUpdateSet((eb) => ({
      target_value: eb.ref('excluded.target_value'), deadline: eb.ref('excluded.deadline'),
      set_by: eb.ref('excluded.set_by'), set_at: sql`now()`,
    })))
    .execute();
}

export async function deleteTarget(db: Database, indicatorCode: string, unitCode: string): Promise<number> {
  const result = await db.deleteFrom('targets').where('indicator_code', '=', indicatorCode).where('unit_code', '=', unitCode).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type TargetChangeRow = Selectable<TargetChangesTable>;

export async function findTarget(db: Database, indicatorCode: string, unitCode: string): Promise<TargetRow | undefined> {
  return db.selectFrom('targets').selectAll().where('indicator_code', '=', indicatorCode).where('unit_code', '=', unitCode).executeTakeFirst();
}

export async function insertTargetChange(db: Database, row: Insertable<TargetChangesTable>): Promise<void> {
  await db.insertInto('target_changes').values(row).execute();
}

/** The latest changes of the targets of `unitCodes`, newest first. */
export function latestTargetChanges(db: Database, unitCodes: readonly string[], limit: number): Promise<TargetChangeRow[]> {
  if (unitCodes.length === 0) return Promise.resolve([]);
  return db.selectFrom('target_changes').selectAll().where('unit_code', 'in', unitCodes).orderBy('id', 'desc').limit(limit).execute();
}

import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { CampaignPhasesTable } from '../../../db/types.js';

export type PhaseRow = Selectable<CampaignPhasesTable>;

/** The phases of a province: its own and those set for every province, oldest first. */
export function listPhases(db: Database, provinceCode: string): Promise<PhaseRow[]> {
  return db.selectFrom('campaign_phases').selectAll()
    .where((eb) => eb.or([eb('province_code', 'is', null), eb('province_code', '=', provinceCode)]))
    .orderBy('starts_on').orderBy('code')
    .execute();
}

export function findPhase(db: Database, code: string): Promise<PhaseRow | undefined> {
  return db.selectFrom('campaign_phases').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function upsertPhase(db: Database, row: Insertable<CampaignPhasesTable>): Promise<PhaseRow> {
  return db.insertInto('campaign_phases').values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
      province_code: eb.ref('excluded.province_code'), name_vi: eb.ref('excluded.name_vi'), name_en: eb.ref('excluded.name_en'),
      starts_on: eb.ref('excluded.starts_on'), ends_on: eb.ref('excluded.ends_on'), updated_at: sql`now()`,
    })))
    .returningAll()
    .executeTakeFirstOrThrow();
}

import { sql, type Selectable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Dhis2MappingsTable } from '../../../db/types.js';

export type Dhis2MappingRow = Selectable<Dhis2MappingsTable> & { updated_by_username: string | null };

export interface Dhis2MappingLine {
  kind: 'indicator' | 'unit';
  code: string;
  uid: string;
  category_option_combo: string | null;
}

/** A province's whole mapping, indicators then units, by code, with who changed each line last. */
export async function selectMapping(db: Database, provinceCode: string): Promise<Dhis2MappingRow[]> {
  return db.selectFrom('dhis2_mappings as m')
    .leftJoin('users as u', 'u.id', 'm.updated_by')
    .selectAll('m').select('u.username as updated_by_username')
    .where('m.province_code', '=', provinceCode)
    .orderBy('m.kind').orderBy('m.code')
    .execute();
}

/** Writes lines (new or changed) in one statement; lines not named stay as they are. */
export async function upsertMappingLines(db: Database, provinceCode: string, lines: readonly Dhis2MappingLine[], userId: string): Promise<void> {
  if (lines.length === 0) return;
  await sql`
    insert into dhis2_mappings (province_code, kind, code, uid, category_option_combo, updated_by, updated_at)
    select ${provinceCode}, kind, code, uid, category_option_combo, ${userId}::uuid, now()
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as l(kind text, code text, uid text, category_option_combo text)
    on conflict (province_code, kind, code) do update set
      uid = excluded.uid, category_option_combo = excluded.category_option_combo,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(db);
}

export async function deleteMappingLine(db: Database, provinceCode: string, kind: 'indicator' | 'unit', code: string): Promise<boolean> {
  const result = await db.deleteFrom('dhis2_mappings')
    .where('province_code', '=', provinceCode).where('kind', '=', kind).where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

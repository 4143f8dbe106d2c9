import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface MaterialRow {
  id: string; province_code: string; unit_code: string; kind: string; title: string; target_group: string | null;
  language: string; media_type: string; file_name: string; size_bytes: number; created_at: Date;
}

export async function insertMaterial(db: Database, row: Omit<MaterialRow, 'created_at'> & { uploaded_by: string }): Promise<void> {
  await sql`insert into materials (id, province_code, unit_code, kind, title, target_group, language, media_type, file_name, size_bytes, uploaded_by)
    values (${row.id}, ${row.province_code}, ${row.unit_code}, ${row.kind}, ${row.title}, ${row.target_group}, ${row.language}, ${row.media_type},
      ${row.file_name}, ${row.size_bytes}, ${row.uploaded_by})`.execute(db);
}

export async function insertChunks(db: Database, material: { id: string; provinceCode: string }, chunks: readonly Buffer[]): Promise<void> {
  for (const [seq, bytes] of chunks.entries()) {
    await sql`insert into material_chunks (material_id, province_code, seq, bytes)
      values (${material.id}, ${material.provinceCode}, ${seq}, ${bytes})`.execute(db);
  }
}

export async function selectMaterial(db: Database, id: string): Promise<MaterialRow | undefined> {
  const r = await sql<MaterialRow>`select id, province_code, unit_code, kind, title, target_group, language, media_type, file_name, size_bytes, created_at
    from materials where id = ${id}`.execute(db);
  return r.rows[0];
}

export async function selectMaterialsIn(db: Database, codes: readonly string[], limit: number): Promise<MaterialRow[]> {
  const r = await sql<MaterialRow>`select id, province_code, unit_code, kind, title, target_group, language, media_type, file_name, size_bytes, created_at
    from materials where unit_code = any(${[...codes]}::text[]) order by created_at desc, id limit ${limit}`.execute(db);
  return r.rows;
}

/** One chunk: a download reads them one at a time, so a large video never sits whole in memory. */
export async function selectChunk(db: Database, materialId: string, seq: number): Promise<Buffer | undefined> {
  const r = await sql<{ bytes: Uint8Array }>`select bytes from material_chunks where material_id = ${materialId} and seq = ${seq}`.execute(db);
  const bytes = r.rows[0]?.bytes;
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
}

export interface ActivityRow { id: string; unit_code: string; province_code: string; kind: string; day: string; reach: number | null; note: string | null }

export async function insertActivity(db: Database, row: ActivityRow & { recorded_by: string }): Promise<void> {
  await sql`insert into communication_activities (id, unit_code, province_code, kind, day, reach, note, recorded_by)
    values (${row.id}, ${row.unit_code}, ${row.province_code}, ${row.kind}, ${row.day}, ${row.reach}, ${row.note}, ${row.recorded_by})`.execute(db);
}

export async function selectActivitiesIn(db: Database, codes: readonly string[], limit: number): Promise<ActivityRow[]> {
  const r = await sql<ActivityRow>`select id, unit_code, province_code, kind, day::text, reach, note from communication_activities
    where unit_code = any(${[...codes]}::text[]) order by day desc, id desc limit ${limit}`.execute(db);
  return r.rows;
}

/** Activities and people reached per kind over `codes`, all time: the totals beside the list. */
export async function activityTotals(db: Database, codes: readonly string[]): Promise<{ kind: string; activities: number; reach: number }[]> {
  const r = await sql<{ kind: string; activities: number; reach: number }>`
    select kind, count(*)::int as activities, coalesce(sum(reach), 0)::bigint as reach from communication_activities
    where unit_code = any(${[...codes]}::text[]) group by kind order by kind`.execute(db);
  return r.rows.map((row) => ({ kind: row.kind, activities: Number(row.activities), reach: Number(row.reach) }));
}

export async function countActivities(db: Database): Promise<{ unit_code: string; province_code: string; day: string; kind: string; n: number; reach: number }[]> {
  const r = await sql<{ unit_code: string; province_code: string; day: string; kind: string; n: number; reach: number }>`
    select unit_code, province_code, day::text, kind, count(*)::int as n, coalesce(sum(reach), 0)::int as reach
    from communication_activities group by unit_code, province_code, day, kind`.execute(db);
  return r.rows;
}

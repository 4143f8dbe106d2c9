import { sql, type Kysely } from 'kysely';

/**
 * A province's own wording of a shared indicator. `indicators` holds the shared definition
 * (formula, names) that only an administrator changes; a province officer's rename, new
 * explanation, order or hiding lands here, for that province alone, so renaming
 * `digital_signatures` in one province leaves every other province's name as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator_variants (
      province_code text not null,
      indicator_code text not null references indicators (code),
      name_vi text not null,
      name_en text not null,
      explanation_vi text not null,
      explanation_en text not null,
      unit_label text not null,
      sort integer not null,
      active boolean not null,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      primary key (province_code, indicator_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table indicator_variants`.execute(db);
}

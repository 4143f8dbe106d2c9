import { sql, type Kysely } from 'kysely';

/**
 * What a province's DHIS2 instance calls Doorstep's indicators and units: for an indicator its
 * data element UID (and the category option combo, when not the default), for a unit its
 * organisation unit UID. The DHIS2 export uses them when present. Who changed a line last and
 * when stay on it; every change is in the audit log too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dhis2_mappings (
      province_code text not null,
      kind text not null check (kind in ('indicator', 'unit')),
      code text not null,
      uid text not null check (uid ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
      category_option_combo text check (category_option_combo ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (province_code, kind, code),
      check (kind = 'indicator' or category_option_combo is null)
    )`.execute(db);
  // Two units of one province never share an organisation unit.
  await sql`create unique index dhis2_mappings_org_unit_idx on dhis2_mappings (province_code, uid) where kind = 'unit'`.execute(db);
}

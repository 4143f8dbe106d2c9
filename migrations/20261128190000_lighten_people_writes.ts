import { sql, type Kysely } from 'kysely';

/**
 * Households and residents are written in bulk by every sync batch that brings new records
 * (1.8 million residents in the Dak Lak scenario), so what each row costs to write is paid on
 * the hot path; this takes away what no read needs.
 *
 * - Indexes no query reads: residents by household (the "still lacking" list reads a village's
 *   residents through the village index and sorts them; with this index present the planner
 *   preferred walking it from the start and filtering by village, slower with every village
 *   added), and held milestone kinds by village and kind (reads go by resident and kind).
 * - Foreign keys of residents (household, village, last writer) and households (village, last
 *   writer), like those the fact tables never had (see create_people): the people service
 *   checks every household and village of a batch in bulk before it writes, the writer is the
 *   signed-in account (accounts are never deleted), and a per-row check cost about 40% of the
 *   residents' insert, each also locking the household row it names. Under Citus such keys
 *   would have to include the distribution column anyway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index residents_household_idx`.execute(db);
  await sql`drop index resident_milestones_kind_idx`.execute(db);
  await sql`
    alter table residents
      drop constraint residents_household_id_fkey,
      drop constraint residents_village_code_fkey,
      drop constraint residents_updated_by_fkey`.execute(db);
  await sql`
    alter table households
      drop constraint households_village_code_fkey,
      drop constraint households_updated_by_fkey`.execute(db);
}

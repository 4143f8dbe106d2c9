import { sql, type Kysely } from 'kysely';

/**
 * Nothing recorded is deleted: a resident is marked moved away, deceased, or merged into the
 * record of the same person (`merged_into` keeps the pointer); a household is marked gone.
 * `status_on` is the Vietnam day of the mark: the `residents` and `households` counts drop by
 * one that day, so figures of earlier days stay as they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table residents
      add column status text not null default 'active' check (status in ('active', 'moved_away', 'deceased', 'merged')),
      add column status_on date,
      add column merged_into uuid,
      add constraint residents_status_on_check check ((status = 'active') = (status_on is null)),
      add constraint residents_merged_into_check check ((status = 'merged') = (merged_into is not null))`.execute(db);
  await sql`
    alter table households
      add column status text not null default 'active' check (status in ('active', 'gone')),
      add column status_on date,
      add constraint households_status_on_check check ((status = 'active') = (status_on is null))`.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * When counts and reported figures last changed, per province, so an open dashboard can ask
 * "has anything changed?" every few seconds with two index lookups instead of recomputing its
 * figures (GET /api/progress/version).
 *
 * `rollup_counts.changed_at` is stamped by a trigger on every insert and update: the upsert that
 * keeps the counts belongs to the rollups module, and every writer of counts (sync, check-in,
 * rebuild) goes through it, so one trigger covers them all. The counts are written a few dozen
 * rows per batch (summed per source × village × day), so the trigger costs nothing the ingest
 * notices. `clock_timestamp()`, not `now()`: a long transaction must not stamp its rows with its
 * start time. `reported_values.updated_at` is already set on every write; it only needs an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rollup_counts add column changed_at timestamptz not null default now()`.execute(db);
  await sql`
    create function rollup_counts_touch() returns trigger language plpgsql as $$
    begin
      new.changed_at := clock_timestamp();
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger rollup_counts_touch before insert or update on rollup_counts
    for each row execute function rollup_counts_touch()`.execute(db);
  await sql`create index rollup_counts_changed_idx on rollup_counts (province_code, changed_at)`.execute(db);
  await sql`create index reported_values_changed_idx on reported_values (province_code, updated_at)`.execute(db);
}

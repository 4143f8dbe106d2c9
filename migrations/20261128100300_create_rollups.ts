import { sql, type Kysely } from 'kysely';

/**
 * Counts per indicator source × lowest unit × Vietnam day, kept in the same transaction as the
 * facts they count. Dashboards sum them over a unit's subtree and never scan the fact tables;
 * `doorstep rollups rebuild` recomputes them from the facts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rollup_counts (
      source text not null,
      unit_code text not null,
      day date not null,
      province_code text not null,
      value bigint not null,
      primary key (source, unit_code, day)
    )`.execute(db);
}

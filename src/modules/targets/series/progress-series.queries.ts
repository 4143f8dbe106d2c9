import { sql } from 'kysely';
import type { Database } from '../../../db/database.js';

/** How long a count's change stays in the "recent" part of the stamp: far longer than any transaction. */
const RECENT = '2 minutes';

export interface ChangeMarks {
  rollups_latest: string | null;
  rollups_recent: string;
  reported_latest: string | null;
}

/**
 * What an open dashboard compares every few seconds: when a province's counts and reported
 * figures last changed, from the indexes on (province_code, changed_at / updated_at).
 *
 * The latest stamp alone could miss a change: a transaction that stamped its rows earlier but
 * commits later than another leaves the maximum where it was. The rows changed in the last few
 * minutes (how many, and the sum of their stamps) move whenever such a commit lands; that
 * short index range is all the extra work.
 */
export async function changeMarks(db: Database, provinceCode: string): Promise<ChangeMarks> {
  const result = await sql<ChangeMarks>`
    select
      (select max(changed_at)::text from rollup_counts where province_code = ${provinceCode}) as rollups_latest,
      (select count(*) || ':' || coalesce(sum(extract(epoch from changed_at)), 0)::text
         from rollup_counts where province_code = ${provinceCode} and changed_at > now() - ${RECENT}::interval) as rollups_recent,
      (select max(updated_at)::text from reported_values where province_code = ${provinceCode}) as reported_latest`.execute(db);
  return result.rows[0]!;
}

import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { StatisticProposalsTable, StatisticProposalStatus } from '../../db/types.js';

export type ProposalRow = Selectable<StatisticProposalsTable> & { proposer: string | null; decider: string | null };

const withNames = (db: Database) => db.selectFrom('statistic_proposals as p')
  .leftJoin('users as a', 'a.id', 'p.proposed_by')
  .leftJoin('users as d', 'd.id', 'p.decided_by')
  .selectAll('p')
  .select(['a.username as proposer', 'd.username as decider']);

export async function insertProposal(db: Database, row: Insertable<StatisticProposalsTable>): Promise<void> {
  await db.insertInto('statistic_proposals').values(row).execute();
}

export async function findProposal(db: Database, id: string): Promise<ProposalRow | undefined> {
  return withNames(db).where('p.id', '=', id).executeTakeFirst();
}

/** Locks the proposal, so two officers deciding at once cannot both apply it. */
export async function lockProposal(db: Database, id: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('statistic_proposals').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function decideProposal(
  db: Database, id: string, decision: { status: StatisticProposalStatus; decided_by: string; reason: string | null },
): Promise<void> {
  await db.updateTable('statistic_proposals').set({ ...decision, decided_at: sql`now()` }).where('id', '=', id).execute();
}

/** Proposals of these units, newest first, a page after a (proposed_at, id) cursor. */
export async function listProposals(
  db: Database, unitCodes: readonly string[], filter: { status?: StatisticProposalStatus; before?: { at: string; id: string }; limit: number },
): Promise<ProposalRow[]> {
  if (unitCodes.length === 0) return [];
  let query = withNames(db).where('p.unit_code', 'in', [...unitCodes]);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where(sql<boolean>`(p.proposed_at, p.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('p.proposed_at', 'desc').orderBy('p.id', 'desc').limit(filter.limit + 1).execute();
}

export async function statisticKinds(db: Database): Promise<{ code: string; name_vi: string; name_en: string }[]> {
  return db.selectFrom('statistic_kinds').select(['code', 'name_vi', 'name_en']).orderBy('code').execute();
}

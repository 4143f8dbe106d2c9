import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import type { StatisticProposalStatus } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import type { Language } from '../../i18n/index.js';
import { toPage, type Page } from '../../lib/page.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import * as pq from './statistic-proposals.queries.js';
import * as q from './units.queries.js';
import { getVisibleUnit, isWithinScope, liveSubtreeCodes } from './units.service.js';

/**
 * A commune's own statistics (its denominators) go to the province for approval: the commune
 * officer proposes, a province officer — someone else, whose scope is above the unit — approves
 * (the figures are written into unit_statistics then, and only then) or rejects with a reason.
 * Every step leaves an audit entry; proposer and decider stay on the proposal.
 */
export interface StatisticProposal {
  id: string;
  unitCode: string;
  asOf: string;
  statistics: Record<string, number>;
  status: StatisticProposalStatus;
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

const present = (row: pq.ProposalRow): StatisticProposal => ({
  id: row.id, unitCode: row.unit_code, asOf: row.as_of, statistics: row.statistics as Record<string, number>, status: row.status,
  proposedBy: row.proposer, proposedAt: new Date(row.proposed_at).toISOString(),
  decidedBy: row.decider, decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null, reason: row.reason,
});

export interface NewProposal {
  unitCode: string;
  asOf: string;
  statistics: Record<string, number>;
}

export async function proposeStatistics(db: Database, viewer: Viewer, input: NewProposal): Promise<StatisticProposal> {
  const unit = await getVisibleUnit(db, viewer, input.unitCode, input.asOf, 'unitCode');
  const kinds = new Set(await q.statisticKindCodes(db));
  const entries = Object.entries(input.statistics);
  if (entries.length === 0) throw new AppError('VALIDATION_FAILED', 'No statistic given', 'statistics');
  for (const [kind] of entries) if (!kinds.has(kind)) throw new AppError('STATISTIC_KIND_UNKNOWN', `No statistic kind ${kind}`, `statistics.${kind}`);
  const id = uuidv7();
  await pq.insertProposal(db, {
    id, unit_code: unit.code, province_code: unit.provinceCode, as_of: input.asOf, statistics: JSON.stringify(input.statistics), proposed_by: viewer.id,
  });
  await recordAudit(db, { actorUserId: viewer.id, action: 'units.statistics.propose', unitCode: unit.code, subject: id, detail: input.statistics });
  return present((await pq.findProposal(db, id))!);
}

async function visibleProposal(db: Database, viewer: Viewer, id: string): Promise<pq.ProposalRow> {
  const row = await pq.findProposal(db, id);
  if (!row || !(await isWithinScope(db, viewer.scopeUnitCode, row.unit_code, row.as_of))) {
    throw new AppError('STATISTIC_PROPOSAL_NOT_FOUND', `No proposal ${id}`, 'id');
  }
  return row;
}

export type ProposalDecision = { approve: true } | { approve: false; reason: string };

/** Approves (writes the figures) or rejects a pending proposal; the decider is someone else, above the unit. */
export async function decideStatistics(db: Database, viewer: Viewer, id: string, decision: ProposalDecision): Promise<StatisticProposal> {
  await pq.lockProposal(db, id);
  const row = await visibleProposal(db, viewer, id);
  // The level above: a province officer (or an administrator), never an officer of the unit itself.
  if (viewer.role !== 'admin' && (viewer.role !== 'province_officer' || viewer.scopeUnitCode === row.unit_code)) {
    throw new AppError('FORBIDDEN', 'Statistics are approved by the province', 'id');
  }
  if (row.proposed_by === viewer.id) throw new AppError('APPROVER_IS_AUTHOR', `User ${viewer.id} proposed ${id}`, 'id');
  if (row.status !== 'pending') throw new AppError('STATISTIC_PROPOSAL_DECIDED', `Proposal ${id} is ${row.status}`, 'id');
  const statistics = row.statistics as Record<string, number>;
  if (decision.approve) {
    await q.upsertStatistics(db, Object.entries(statistics).map(([kind, value]) => ({
      unit_code: row.unit_code, kind, as_of: row.as_of, value, province_code: row.province_code, recorded_by: viewer.id,
    })));
  }
  await pq.decideProposal(db, id, { status: decision.approve ? 'approved' : 'rejected', decided_by: viewer.id, reason: decision.approve ? null : decision.reason });
  await recordAudit(db, {
    actorUserId: viewer.id, action: decision.approve ? 'units.statistics.approve' : 'units.statistics.reject', unitCode: row.unit_code, subject: id,
    detail: decision.approve ? statistics : { reason: decision.reason },
  });
  return present((await pq.findProposal(db, id))!);
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/;

export async function listStatisticProposals(
  db: Database, viewer: Viewer, filter: { unitCode: string; status?: StatisticProposalStatus; after?: string; limit: number }, lang: Language,
): Promise<Page<StatisticProposal> & { kinds: { code: string; name: string }[] }> {
  const unit = await getVisibleUnit(db, viewer, filter.unitCode, undefined, 'unit');
  const cursor = filter.after ? CURSOR.exec(filter.after) : null;
  if (filter.after && !cursor) throw new AppError('VALIDATION_FAILED', 'Bad cursor', 'after');
  const rows = await pq.listProposals(db, await liveSubtreeCodes(db, unit.code), {
    status: filter.status, limit: filter.limit, before: cursor ? { at: cursor[1]!, id: cursor[2]! } : undefined,
  });
  const kinds = (await pq.statisticKinds(db)).map((k) => ({ code: k.code, name: lang === 'en' ? k.name_en : k.name_vi }));
  return { ...toPage(rows, filter.limit, present, (p) => `${p.proposedAt}|${p.id}`), kinds };
}

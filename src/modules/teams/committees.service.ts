import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { CommitteeRole } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { getActiveUnit, getVisibleUnit, subtreeMembers } from '../units/units.service.js';
import * as q from './committees.queries.js';
import { cleanName } from './team-labels.js';
import { checkCommitteeUser } from './team-scope.js';
import { presentCommittee, type Committee } from './teams.presenter.js';

export type { Committee } from './teams.presenter.js';

/**
 * The commune's steering committee on science, technology, innovation, digital transformation
 * and Project 06. It is what its latest decision says: a PUT records a decision and the members
 * it names, replacing the previous composition (the audit log keeps who changed it and when).
 */

/**
 * The committee of a commune: its own, else the one it inherits from a commune that ended into it
 * (a merge, or a split whose old commune passed its figures to it), the latest decided if several
 * did, named in `inheritedFrom`. A merged commune has one committee until it decides its own.
 */
export async function getCommittee(db: Database, viewer: Viewer | null, unitCode: string): Promise<Committee> {
  const day = vietnamDay();
  await getVisibleUnit(db, viewer, unitCode, day, 'unitCode');
  const committee = await q.findCommittee(db, unitCode);
  if (committee) return presentCommittee(committee, await q.committeeMembers(db, unitCode));
  const predecessors = (await subtreeMembers(db, unitCode, day)).filter((m) => m.successorCode !== null && m.tier === 'commune').map((m) => m.code);
  const inherited = await q.latestCommitteeOf(db, predecessors, day);
  if (!inherited) throw new AppError('COMMITTEE_NOT_FOUND', `Unit ${unitCode} has no committee`, 'unitCode');
  return { ...presentCommittee(inherited, await q.committeeMembers(db, inherited.unit_code)), unitCode, inheritedFrom: inherited.unit_code };
}

export interface CommitteeInput {
  decisionNumber: string;
  decisionDate: string;
  members: { fullName: string; position: string; committeeRole: CommitteeRole; userId?: string | null }[];
}

export async function putCommittee(db: Database, viewer: Viewer | null, unitCode: string, input: CommitteeInput): Promise<Committee> {
  const chairs = input.members.flatMap((m, i) => (m.committeeRole === 'chair' ? [i] : []));
  if (chairs.length > 1) throw new AppError('VALIDATION_FAILED', 'A committee has one chair', `members[${chairs[1]}].committeeRole`);
  return inTransaction(db, async (trx) => {
    const unit = await getActiveUnit(trx, viewer, unitCode, vietnamDay(), 'unitCode');
    if (unit.tier !== 'commune') throw new AppError('COMMITTEE_UNIT_INVALID', `Unit ${unitCode} is a ${unit.tier}`, 'unitCode');
    for (const [i, member] of input.members.entries()) {
      if (member.userId) await checkCommitteeUser(trx, member.userId, unit.code, `members[${i}].userId`);
    }
    await q.upsertCommittee(trx, {
      unit_code: unit.code, province_code: unit.provinceCode, decision_number: input.decisionNumber.trim(),
      decision_date: input.decisionDate, updated_by: viewer?.id ?? null,
    });
    await q.replaceCommitteeMembers(trx, unit.code, input.members.map((m, i) => ({
      id: v7(), unit_code: unit.code, province_code: unit.provinceCode, sort_order: i,
      full_name: cleanName(m.fullName), position: m.position.trim(), committee_role: m.committeeRole, user_id: m.userId ?? null,
    })));
    await recordAudit(trx, {
      actorUserId: viewer?.id ?? null, action: 'committee.update', unitCode: unit.code, subject: unit.code,
      detail: { decisionNumber: input.decisionNumber.trim(), members: input.members.length },
    });
    const committee = await q.findCommittee(trx, unit.code);
    return presentCommittee(committee!, await q.committeeMembers(trx, unit.code));
  });
}

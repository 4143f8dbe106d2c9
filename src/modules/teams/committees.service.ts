import { v7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { CommitteeRole } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { recordAudit, recordAudits, type AuditInput } from '../audit-log/audit-log.service.js';
import { codesWithinScope, getActiveUnit, getUnitsOn, getVisibleUnit, subtreeMembers, type Unit } from '../units/units.service.js';
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
  checkOneChair(input);
  return inTransaction(db, async (trx) => {
    const unit = await getActiveUnit(trx, viewer, unitCode, vietnamDay(), 'unitCode');
    await checkCommittee(trx, unit, input);
    const { committee, members, audit } = committeeRows(viewer, unit, input);
    await q.upsertCommittee(trx, committee);
    await q.replaceCommitteeMembers(trx, unit.code, members);
    await recordAudit(trx, audit);
    return presentCommittee((await q.findCommittee(trx, unit.code))!, await q.committeeMembers(trx, unit.code));
  });
}

/**
 * putCommittee for many communes at once (a province recording every commune's decision): the
 * same checks, rows and audit entries, a statement per table instead of per commune. All or nothing.
 */
export async function putCommittees(
  db: Database, viewer: Viewer | null, committees: readonly { unitCode: string; input: CommitteeInput }[],
): Promise<{ committees: number; members: number }> {
  committees.forEach(({ input }) => checkOneChair(input));
  const codes = committees.map((c) => c.unitCode);
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice !== undefined) throw new AppError('VALIDATION_FAILED', `Unit ${twice} is twice in the batch`, 'unitCode');
  return inTransaction(db, async (trx) => {
    const day = vietnamDay();
    const visible = await codesWithinScope(trx, viewer?.scopeUnitCode ?? null, codes, day);
    const units = await getUnitsOn(trx, codes.filter((code) => visible.has(code)), day);
    const rows = [];
    for (const { unitCode, input } of committees) {
      const unit = units.get(unitCode);
      // Out of scope answers exactly like a missing unit, as getActiveUnit does.
      if (!unit) throw new AppError('UNIT_NOT_FOUND', `No unit ${unitCode} on ${day}`, 'unitCode');
      if (unit.validTo !== null && unit.validTo <= day) throw new AppError('UNIT_NOT_ACTIVE', `Unit ${unitCode} ended on ${unit.validTo}`, 'unitCode');
      await checkCommittee(trx, unit, input);
      rows.push(committeeRows(viewer, unit, input));
    }
    await q.upsertCommittees(trx, rows.map((r) => r.committee));
    await q.replaceMembersOfCommittees(trx, codes, rows.flatMap((r) => r.members));
    await recordAudits(trx, rows.map((r) => r.audit));
    return { committees: rows.length, members: rows.reduce((sum, r) => sum + r.members.length, 0) };
  });
}

function checkOneChair(input: CommitteeInput): void {
  const chairs = input.members.flatMap((m, i) => (m.committeeRole === 'chair' ? [i] : []));
  if (chairs.length > 1) throw new AppError('VALIDATION_FAILED', 'A committee has one chair', `members[${chairs[1]}].committeeRole`);
}

/** A committee belongs to a commune, and the accounts it names to that commune. */
async function checkCommittee(db: Database, unit: Unit, input: CommitteeInput): Promise<void> {
  if (unit.tier !== 'commune') throw new AppError('COMMITTEE_UNIT_INVALID', `Unit ${unit.code} is a ${unit.tier}`, 'unitCode');
  for (const [i, member] of input.members.entries()) {
    if (member.userId) await checkCommitteeUser(db, member.userId, unit.code, `members[${i}].userId`);
  }
}

/** What a decision writes: the committee, its members as named, and the audit entry. */
function committeeRows(viewer: Viewer | null, unit: Unit, input: CommitteeInput) {
  return {
    committee: {
      unit_code: unit.code, province_code: unit.provinceCode, decision_number: input.decisionNumber.trim(),
      decision_date: input.decisionDate, updated_by: viewer?.id ?? null,
    },
    members: input.members.map((m, i) => ({
      id: v7(), unit_code: unit.code, province_code: unit.provinceCode, sort_order: i,
      full_name: cleanName(m.fullName), position: m.position.trim(), committee_role: m.committeeRole, user_id: m.userId ?? null,
    })),
    audit: {
      actorUserId: viewer?.id ?? null, action: 'committee.update', unitCode: unit.code, subject: unit.code,
      detail: { decisionNumber: input.decisionNumber.trim(), members: input.members.length },
    } satisfies AuditInput,
  };
}

import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { toPage, type Page } from '../../../lib/page.js';
import { recordAudit } from '../../audit-log/audit-log.service.js';
import { findUserById } from '../../auth/auth.service.js';
import { scopeRootOf } from '../../auth/auth.public.js';
import { listSkills } from '../learning.service.js';
import type { MilestoneFact } from '../../people/milestones.service.js';
import { residentHolders } from '../../people/people.service.js';
import { getUnit, getUnitsAt, isWithinScope, subtreeCodes } from '../../units/units.service.js';
import * as q from './certificates.queries.js';
import type { CertificateView } from './credential.js';

/** The milestone that earns a certificate. */
export const CONFIRMATION_KIND = 'skills_confirmed';

/** No 0/O, 1/I/L: a code read from paper over the phone is typed right the first time. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A code as typed or scanned (lower case, dashes, spaces) in its stored form, or null if it cannot be one. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** A confirmation of a person's skills: the facts a certificate is issued on. */
export interface Confirmation {
  /** The milestone fact it records; a second issue for the same fact does nothing. */
  milestoneId: string | null;
  residentId: string | null;
  /** The learner account, when the person confirmed through their own skill checks. */
  userId: string | null;
  /** Needed when there is no resident to read it from. */
  holderName?: string;
  /** Skill codes confirmed; null means every skill of the framework. */
  skills: readonly string[] | null;
  achievedOn: string;
  source: string;
  unitCode: string;
  provinceCode: string;
}

/**
 * Issues a certificate for each confirmation whose person has none in force yet, inside the
 * caller's transaction: the certificate exists exactly when the confirmation does. Answers the
 * certificates written.
 */
export async function issueCertificates(trx: Database, confirmations: readonly Confirmation[]): Promise<q.CertificateRow[]> {
  if (confirmations.length === 0) return [];
  const residentIds = confirmations.flatMap((c) => (c.residentId ? [c.residentId] : []));
  const holders = await residentHolders(trx, residentIds);
  const accounts = new Map<string, string>();
  for (const c of confirmations) {
    if (!c.holderName && !c.residentId && c.userId) accounts.set(c.userId, (await findUserById(trx, c.userId))?.displayName ?? '');
  }
  const held = await q.selectHoldersWithLiveCertificate(trx, residentIds, confirmations.flatMap((c) => (c.userId ? [c.userId] : [])));
  const taken = new Set(held.flatMap((h) => [h.resident_id ? `r:${h.resident_id}` : '', h.user_id ? `u:${h.user_id}` : '']).filter(Boolean));
  const frameworkSkills = confirmations.some((c) => !c.skills?.length) ? (await listSkills(trx, 'vi')).map((s) => s.code) : [];
  const rows = [];
  // Two confirmations of one person in one batch: the certificate carries the earlier.
  const inOrder = [...confirmations].sort((a, b) => a.achievedOn.localeCompare(b.achievedOn));
  for (const c of inOrder) {
    const keys = [c.residentId ? `r:${c.residentId}` : '', c.userId ? `u:${c.userId}` : ''].filter(Boolean);
    if (keys.length === 0 || keys.some((k) => taken.has(k))) continue;
    const name = c.holderName ?? (c.residentId ? holders.get(c.residentId)?.fullName : c.userId ? accounts.get(c.userId) : undefined);
    if (!name) continue;
    for (const k of keys) taken.add(k);
    rows.push({
      id: randomUUID(), code: newCode(), milestone_id: c.milestoneId, resident_id: c.residentId, user_id: c.userId,
      holder_name: name, skills: c.skills?.length ? [...c.skills] : frameworkSkills,
      achieved_on: c.achievedOn, source: c.source, unit_code: c.unitCode, province_code: c.provinceCode,
    });
  }
  return q.insertCertificates(trx, rows);
}

/**
 * Issues certificates for the `skills_confirmed` facts among milestones just recorded (a field app
 * batch), with the rule of issueCertificates: one per person with none in force, carrying their
 * earliest confirmation of the batch, named as their resident record is. A batch may confirm
 * thousands of people, so the holders' names and live certificates are looked up by the insert
 * itself: one statement instead of three round trips per 2,000 people, and no rows sent back.
 */
export async function issueForMilestones(trx: Database, facts: readonly MilestoneFact[]): Promise<void> {
  const firstOfEach = new Map<string, MilestoneFact>();
  // Stable sort: of two confirmations on one day, the one recorded first.
  const inOrder = facts.filter((f) => f.kind === CONFIRMATION_KIND).sort((a, b) => a.achievedOn.localeCompare(b.achievedOn));
  for (const fact of inOrder) if (!firstOfEach.has(fact.residentId)) firstOfEach.set(fact.residentId, fact);
  if (firstOfEach.size === 0) return;
  const confirmations = [...firstOfEach.values()];
  const frameworkSkills = confirmations.some((f) => !f.skills?.length) ? (await listSkills(trx, 'vi')).map((s) => s.code) : [];
  await q.insertResidentCertificates(trx, confirmations.map((f) => ({
    id: randomUUID(), code: newCode(), milestone_id: f.id, resident_id: f.residentId,
    skills: f.skills?.length ? [...f.skills] : frameworkSkills,
    achieved_on: f.achievedOn, source: f.source, unit_code: f.villageCode, province_code: f.provinceCode,
  })));
}

/** The certificate as documents show it: skill and unit names in force on the day it was earned. */
export async function viewOf(db: Database, row: q.CertificateRow, lang: Language): Promise<CertificateView> {
  const skills = new Map((await listSkills(db, lang)).map((s) => [s.code, s.name]));
  const units = new Map((await getUnitsAt(db, [row.unit_code, row.province_code], row.achieved_on)).map((u) => [u.code, u.name]));
  return {
    id: row.id, code: row.code, holderName: row.holder_name,
    skills: row.skills.map((code) => ({ code, name: skills.get(code) ?? code })),
    achievedOn: row.achieved_on, issuedAt: row.issued_at, unitName: units.get(row.unit_code) ?? row.unit_code,
    provinceCode: row.province_code, provinceName: units.get(row.province_code) ?? row.province_code,
  };
}

export interface CertificateCheck {
  status: 'valid' | 'revoked' | 'unknown';
  code: string;
  holderName?: string;
  skills?: string[];
  achievedOn?: string;
  unitName?: string;
  revokedOn?: string;
  revokedReason?: string;
}

/**
 * What anyone holding a code may learn: whether it is valid, and what the paper should say
 * (name, skills, date, unit) so they can compare. Nothing else about the person.
 */
export async function checkCertificate(db: Database, input: string, lang: Language): Promise<CertificateCheck> {
  const code = normaliseCode(input);
  const row = code ? await q.selectCertificateByCode(db, code) : undefined;
  if (!row) return { status: 'unknown', code: input.slice(0, 40) };
  const view = await viewOf(db, row, lang);
  return {
    status: row.revoked_at ? 'revoked' : 'valid', code: row.code, holderName: row.holder_name,
    skills: view.skills.map((s) => s.name), achievedOn: row.achieved_on, unitName: view.unitName,
    ...(row.revoked_at ? { revokedOn: row.revoked_at.toISOString(), revokedReason: row.revoked_reason ?? '' } : {}),
  };
}

export interface CertificateSummary {
  id: string;
  code: string;
  holderName: string;
  skills: string[];
  achievedOn: string;
  source: string;
  unitCode: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

const summary = (row: q.CertificateRow): CertificateSummary => ({
  id: row.id, code: row.code, holderName: row.holder_name, skills: row.skills, achievedOn: row.achieved_on, source: row.source,
  unitCode: row.unit_code, issuedAt: row.issued_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null, revokedReason: row.revoked_reason,
});

/**
 * Who holds a certificate in force, for a check-in that scans it: the resident or the learner
 * account it was issued to; undefined for an unknown or revoked code.
 */
export async function certificateHolder(db: Database, input: string): Promise<{ residentId: string | null; userId: string | null } | undefined> {
  const code = normaliseCode(input);
  const row = code ? await q.selectCertificateByCode(db, code) : undefined;
  if (!row || row.revoked_at) return undefined;
  return { residentId: row.resident_id, userId: row.user_id };
}

/** A learner's own certificates: those issued to their account or to the resident records linked to it. */
export async function listOwnCertificates(db: Database, viewer: Viewer, residentIds: readonly string[] = []): Promise<CertificateSummary[]> {
  return (await q.selectCertificatesOfHolder(db, viewer.id, residentIds)).map(summary);
}

/** One of the learner's own certificates, or NOT_FOUND (someone else's looks missing). */
export async function ownCertificate(db: Database, viewer: Viewer, input: string, residentIds: readonly string[] = []): Promise<q.CertificateRow> {
  const code = normaliseCode(input);
  const row = code ? await q.selectCertificateByCode(db, code) : undefined;
  if (!row || !(row.user_id === viewer.id || (row.resident_id !== null && residentIds.includes(row.resident_id)))) {
    throw new AppError('CERTIFICATE_NOT_FOUND', 'No such certificate of yours', 'code');
  }
  return row;
}

/** The certificates issued in an officer's unit (within their scope), newest first; the read is audited. */
export async function listCertificatesInUnit(
  db: Database, viewer: Viewer, query: { unit: string; code?: string; after?: string; limit: number },
): Promise<Page<CertificateSummary>> {
  if (!(await isWithinScope(db, scopeRootOf(viewer), query.unit))) throw new AppError('UNIT_NOT_FOUND', `Unit ${query.unit} is not in scope`, 'unit');
  // Every unit is in an administrator's scope, even one that does not exist; its audit entry
  // must name a unit that does.
  await getUnit(db, query.unit, undefined, 'unit');
  const codes = await subtreeCodes(db, query.unit);
  let page: Page<CertificateSummary>;
  if (query.code !== undefined) {
    // A search by code finds nothing outside the unit: an officer cannot probe other communes' certificates.
    const code = normaliseCode(query.code);
    const row = code ? await q.selectCertificateByCode(db, code) : undefined;
    page = { items: row && codes.includes(row.unit_code) ? [summary(row)] : [], next: null };
  } else {
    page = toPage(await q.selectCertificatesInUnits(db, codes, query.after, query.limit), query.limit, summary, (c) => c.id);
  }
  await recordAudit(db, { actorUserId: viewer.id, action: 'certificates.read', unitCode: query.unit, subject: null, detail: { records: page.items.length } });
  return page;
}

/** Revokes a certificate of the officer's scope, with the reason anyone checking it will read. */
export async function revokeCertificateByCode(trx: Database, viewer: Viewer, input: string, reason: string): Promise<CertificateSummary> {
  const code = normaliseCode(input);
  const row = code ? await q.selectCertificateByCode(trx, code) : undefined;
  if (!row || !(await isWithinScope(trx, scopeRootOf(viewer), row.unit_code))) throw new AppError('CERTIFICATE_NOT_FOUND', 'No such certificate in scope', 'code');
  if (row.revoked_at) throw new AppError('CERTIFICATE_ALREADY_REVOKED', `Revoked on ${row.revoked_at.toISOString()}`, 'code');
  const revoked = await q.revokeCertificate(trx, row.id, viewer.id, reason.trim());
  if (!revoked) throw new AppError('CERTIFICATE_ALREADY_REVOKED', 'Revoked meanwhile', 'code');
  await recordAudit(trx, { actorUserId: viewer.id, action: 'certificates.revoke', unitCode: row.unit_code, subject: row.id, detail: {} });
  return summary(revoked);
}

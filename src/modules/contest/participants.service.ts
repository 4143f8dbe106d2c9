import { randomBytes } from 'node:crypto';
import { keyedHash, secretDigest } from '../../lib/hashes.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { getUnit } from '../units/units.service.js';
import * as q from './participants.queries.js';

/** The participant's cookie: httpOnly, SameSite=Strict, so no other site can act as them. */
export const PARTICIPANT_COOKIE = 'doorstep_contest';
export const PARTICIPANT_COOKIE_DAYS = 120;

export interface Participant {
  id: string;
  provinceCode: string;
  phoneHash: string;
  fullName: string;
  unitCode: string;
}

/** A Vietnamese mobile number as written by people: spaces, dots and +84 allowed; kept as 0xxxxxxxxx. */
export function normalisePhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  return /^0[35789]\d{8}$/.test(digits) ? digits : undefined;
}

/**
 * The phone is the identity and is never stored: a keyed hash tells one person from another,
 * and without the server's key a copied table cannot be reversed by trying every number.
 */
export function hashPhone(secretKey: string, phone: string): string {
  return keyedHash(secretKey, 'phone', phone);
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

export function participantOf(row: q.ParticipantRow): Participant {
  return { id: row.id, provinceCode: row.province_code, phoneHash: row.phone_hash, fullName: row.full_name, unitCode: row.unit_code };
}

/**
 * Registers a participant without an account, or signs the same person in again on another
 * phone: the same number with the same name gets a fresh token (the old device's token stops
 * working); the same number with another name is refused, so nobody takes over an entry by
 * guessing a number alone.
 */
export async function registerParticipant(
  db: Database, secretKey: string, input: { fullName: string; phone: string; unitCode: string },
): Promise<{ participant: Participant; token: string }> {
  const phone = normalisePhone(input.phone);
  if (!phone) throw new AppError('VALIDATION_FAILED', 'Not a Vietnamese mobile number', 'phone');
  const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (fullName.length < 2) throw new AppError('VALIDATION_FAILED', 'A name is needed', 'fullName');
  const unit = await getUnit(db, input.unitCode, vietnamDay(), 'unitCode');
  if (unit.validTo !== null && unit.validTo <= vietnamDay()) throw new AppError('UNIT_NOT_ACTIVE', undefined, 'unitCode');
  const token = randomBytes(32).toString('base64url');
  const phoneHash = hashPhone(secretKey, phone);
  const row = await q.insertParticipant(db, {
    id: fastUuidV7(), province_code: unit.provinceCode, phone_hash: phoneHash, full_name: fullName, unit_code: unit.code, token_hash: secretDigest(token),
  });
  if (row.token_hash !== secretDigest(token)) {
    if (!sameName(row.full_name, fullName)) throw new AppError('PARTICIPANT_NAME_MISMATCH', undefined, 'phone');
    await q.replaceToken(db, row.id, secretDigest(token));
  }
  return { participant: participantOf(row), token };
}

/** What a cookie's token is looked up by, or undefined for no token or one no cookie of ours can hold. */
export function participantTokenHash(token: string | undefined): string | undefined {
  return !token || token.length > 100 ? undefined : secretDigest(token);
}

/** The participant a cookie stands for, or undefined. */
export async function findParticipant(db: Database, token: string | undefined): Promise<Participant | undefined> {
  const tokenHash = participantTokenHash(token);
  if (!tokenHash) return undefined;
  const row = await q.selectParticipantByToken(db, tokenHash);
  return row ? participantOf(row) : undefined;
}

export async function requireParticipant(db: Database, token: string | undefined): Promise<Participant> {
  const participant = await findParticipant(db, token);
  if (!participant) throw new AppError('PARTICIPANT_UNKNOWN');
  return participant;
}

/** Names and units of participants, for leaderboards and winners; never the phone. */
export async function participantNames(db: Database, ids: readonly string[]): Promise<Map<string, { fullName: string; unitCode: string }>> {
  return new Map((await q.selectParticipants(db, ids)).map((r) => [r.id, { fullName: r.full_name, unitCode: r.unit_code }]));
}

import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 as uuidv7 } from '../../lib/fast-uuid.js';
import { keyedHash } from '../../lib/hashes.js';
import { findResidentPlaces } from '../people/people.service.js';
import { getUnit, isWithinScope } from '../units/units.service.js';
import { getEventFor } from './events.service.js';
import * as q from './events.queries.js';
import type { RegistrationInput } from './events.schema.js';

/** No 0/O, 1/I/L: the code is read aloud and typed on a phone in the field. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;

export function newRegistrationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** How a typed code is compared: upper case, without the spaces or dashes people add when reading it out. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The QR image of a registration: an SVG, a few hundred bytes, drawn on the server so a 3G phone downloads no library. */
export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * Registers a person for an event: anyone through the public form, or a team member for a
 * resident of their village. A full event refuses the registration rather than overbook.
 */
export async function register(
  db: Database, viewer: Viewer | null, eventId: string, input: RegistrationInput, secretKey: string, now = new Date(),
): Promise<{ code: string; qr: string; event: { title: string; startsAt: string; endsAt: string; place: string | null } }> {
  const event = await getEventFor(db, null, eventId);
  if (now.getTime() > new Date(event.ends_at).getTime()) throw new AppError('EVENT_NOT_FOUND', 'The event has ended', 'id');
  let unitCode: string | null = null;
  if (input.unitCode) {
    const unit = await getUnit(db, input.unitCode, undefined, 'unitCode');
    if (unit.provinceCode !== event.province_code) throw new AppError('UNIT_NOT_FOUND', undefined, 'unitCode');
    unitCode = unit.code;
  }
  let residentId: string | null = null;
  if (input.residentId) {
    const place = (await findResidentPlaces(db, [input.residentId.toLowerCase()])).get(input.residentId.toLowerCase());
    const scope = viewer?.role === 'admin' ? null : viewer?.scopeUnitCode;
    if (!viewer || !place || (scope !== null && scope !== undefined && !(await isWithinScope(db, scope, place.villageCode)))) {
      throw new AppError('RESIDENT_NOT_FOUND', undefined, 'residentId');
    }
    residentId = input.residentId.toLowerCase();
    unitCode = place.villageCode;
  }
  const digits = input.phone?.replace(/\D/g, '').replace(/^84/, '0') ?? '';
  if (input.phone && !/^0\d{9}$/.test(digits)) throw new AppError('VALIDATION_FAILED', 'Not a Vietnamese mobile number', 'phone');
  const code = await db.transaction().execute(async (trx) => {
    // The event row is locked so two last places are not both given.
    await q.selectEvent(trx, event.id, true);
    if (event.capacity !== null && (await q.countRegistrations(trx, event.id)) >= event.capacity) {
      throw new AppError('EVENT_FULL', `All ${event.capacity} places are taken`, 'id');
    }
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = newRegistrationCode();
      const written = await q.insertRegistration(trx, {
        id: uuidv7(), event_id: event.id, code: candidate, full_name: input.fullName.trim(),
        phone_hash: digits ? keyedHash(secretKey, 'phone', digits) : null, phone_last3: digits ? digits.slice(-3) : null,
        resident_id: residentId, unit_code: unitCode, province_code: event.province_code, registered_by: viewer?.id ?? null,
      });
      if (written) return candidate;
    }
    throw new Error('No free registration code after 8 draws');
  });
  return {
    code, qr: await qrSvg(code),
    event: { title: event.title, startsAt: new Date(event.starts_at).toISOString(), endsAt: new Date(event.ends_at).toISOString(), place: event.place },
  };
}

/** What the public form shows before anyone registers: no person's data. */
export async function publicEvent(db: Database, eventId: string) {
  const event = await getEventFor(db, null, eventId);
  const unit = await getUnit(db, event.unit_code).catch(() => null);
  return {
    id: event.id, type: event.type, title: event.title, startsAt: new Date(event.starts_at).toISOString(), endsAt: new Date(event.ends_at).toISOString(),
    place: event.place, capacity: event.capacity, registered: Number(event.registered), unitName: unit?.name ?? event.unit_code,
  };
}

import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { certificateHolder } from '../learning/certificates/certificates.service.js';
import { findResidentPlaces } from '../people/people.service.js';
import type { RollupDeltas } from '../rollups/rollups.service.js';
import { addCheckInCounts } from './events-rollups.js';
import { getEventFor } from './events.service.js';
import * as q from './events.queries.js';
import type { CheckInItemData } from './events.schema.js';
import { normaliseCode } from './registrations.service.js';

/**
 * How far before the start and after the end a check-in is still taken: people come early, and a
 * phone offline all day records the last ones late in the evening.
 */
export const CHECK_IN_GRACE_MS = 2 * 60 * 60 * 1000;

/** What a sync batch lends a check-in: its transaction, sender, counts and reference lists. */
export interface CheckInContext {
  trx: Database;
  viewer: Viewer;
  deviceId: string;
  rollups: RollupDeltas;
  skillCodes(): Promise<Set<string>>;
  notInFuture(instant: Date): boolean;
  scope: { includes(code: string): Promise<boolean> };
}

/**
 * Applies one check-in from a device. The item id is the check-in's id (a replayed batch is a
 * duplicate before it reaches here); a person already checked in at the event, from any phone,
 * answers `duplicate` and counts nothing more.
 */
export async function applyCheckIn(ctx: CheckInContext, itemId: string, data: CheckInItemData): Promise<'applied' | 'duplicate'> {
  const given = [data.registrationCode, data.residentId, data.certificateCode, data.headCount].filter((v) => v !== undefined).length;
  if (given !== 1) throw new AppError('VALIDATION_FAILED', 'Give one of registrationCode, residentId, certificateCode or headCount', 'registrationCode');
  const event = await getEventFor(ctx.trx, ctx.viewer, data.eventId, { field: 'eventId' });
  const at = new Date(data.checkedInAt);
  if (!ctx.notInFuture(at)) throw new AppError('VALIDATION_FAILED', 'The check-in lies in the future', 'checkedInAt');
  const opens = new Date(event.starts_at).getTime() - CHECK_IN_GRACE_MS;
  const closes = new Date(event.ends_at).getTime() + CHECK_IN_GRACE_MS;
  if (at.getTime() < opens || at.getTime() > closes) {
    throw new AppError('CHECK_IN_OUTSIDE_EVENT', `Check-ins are taken from ${new Date(opens).toISOString()} to ${new Date(closes).toISOString()}`, 'checkedInAt');
  }
  if (data.skill !== undefined && !(await ctx.skillCodes()).has(data.skill)) throw new AppError('SKILL_UNKNOWN', `No skill ${data.skill}`, 'skill');

  let personKey: string | null = null;
  if (data.registrationCode !== undefined) {
    const registration = await q.selectRegistrationByCode(ctx.trx, event.id, normaliseCode(data.registrationCode));
    if (!registration) throw new AppError('REGISTRATION_NOT_FOUND', undefined, 'registrationCode');
    // A resident registered by their team and picked from the village list is one person.
    personKey = registration.resident_id ? `res:${registration.resident_id}` : `reg:${registration.id}`;
  } else if (data.residentId !== undefined) {
    const id = data.residentId.toLowerCase();
    const place = (await findResidentPlaces(ctx.trx, [id])).get(id);
    if (!place || !(await ctx.scope.includes(place.villageCode))) throw new AppError('RESIDENT_NOT_FOUND', undefined, 'residentId');
    personKey = `res:${id}`;
  } else if (data.certificateCode !== undefined) {
    // A certificate names the person it was issued to, wherever they live: one person, however identified.
    const holder = await certificateHolder(ctx.trx, data.certificateCode);
    if (!holder) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate in force with this code', 'certificateCode');
    personKey = holder.residentId ? `res:${holder.residentId}` : `usr:${holder.userId}`;
  }
  const headCount = data.headCount ?? 1;
  const day = vietnamDay(at);
  const inWeek = event.campaign_kind === 'week';
  const written = await q.insertCheckIn(ctx.trx, {
    id: itemId, event_id: event.id, person_key: personKey, head_count: headCount, skill: data.skill ?? null,
    checked_in_at: at.toISOString(), day, unit_code: event.unit_code, province_code: event.province_code, in_week: inWeek,
    device_id: ctx.deviceId, user_id: ctx.viewer.id,
  });
  if (!written) return 'duplicate';
  addCheckInCounts(ctx.rollups, {
    unitCode: event.unit_code, provinceCode: event.province_code, day, inWeek, skill: data.skill ?? null,
    people: personKey === null ? 0 : 1, attendances: headCount,
  });
  return 'applied';
}

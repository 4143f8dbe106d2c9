import { ApiError } from '../../../lib/api';
import { db, readValue, writeValue, type OutboxItem } from '../../../lib/db';
import { newId, OUTBOX_CHANGED } from '../../../lib/outbox';
import { vietnamIso } from '../../../lib/time';
import { fetchEvents, type EventItem } from './events-api';

/** How far before the start and after the end the server takes a check-in (src/modules/events/check-ins.ts). */
export const CHECK_IN_GRACE_MS = 2 * 60 * 60 * 1000;

const eventsKey = (village: string) => `events:${village}`;

/**
 * The events of the village and the units above it: fetched when the network is there and kept
 * on the phone, so check-in works all day offline at the event.
 */
export async function loadEvents(village: string, language: string): Promise<EventItem[]> {
  try {
    const events = await fetchEvents(village, { language });
    await writeValue(eventsKey(village), events);
    return events;
  } catch (error) {
    if (error instanceof ApiError && !error.retryable) throw error;
    return (await readValue<EventItem[]>(eventsKey(village))) ?? [];
  }
}

export const isOn = (event: EventItem, now = Date.now()) =>
  now >= Date.parse(event.startsAt) - CHECK_IN_GRACE_MS && now <= Date.parse(event.endsAt) + CHECK_IN_GRACE_MS;

export type CheckInWho = { registrationCode: string } | { certificateCode: string } | { residentId: string } | { headCount: number };

/**
 * Who a typed or scanned code names: a registration's 6-character code, or a certificate's
 * 10-character check code, also as the check link its QR carries (…/#/check/<code>). Null when
 * the text is neither.
 */
export function whoByCode(text: string): { registrationCode: string } | { certificateCode: string } | null {
  const link = /#\/check\/([A-Za-z0-9-]+)\s*$/.exec(text.trim());
  const clean = (link ? link[1]! : text).toUpperCase().replace(/[\s-]/g, '');
  if (/^[A-Z0-9]{6}$/.test(clean) && !link) return { registrationCode: clean };
  if (/^[A-Z0-9]{10}$/.test(clean)) return { certificateCode: clean };
  return null;
}

/** Writes a check-in to the outbox (kind `check_in`); the sync engine sends it with the rest. */
export async function addCheckIn(eventId: string, who: CheckInWho, skill: string | undefined, author: { userId: string; villageCode: string }, now = new Date()) {
  const id = newId();
  const item: OutboxItem = {
    id, kind: 'check_in', data: { eventId, ...who, ...(skill ? { skill } : {}), checkedInAt: vietnamIso(now) },
    recordedAt: vietnamIso(now), userId: author.userId, villageCode: author.villageCode, state: 'pending', attempts: 0,
  };
  await db.outbox.add(item);
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
  return id;
}

/** Check-ins of the event still on this phone (not yet acknowledged), for the running count. */
export function countWaiting(eventId: string): Promise<number> {
  return db.outbox.filter((item) => item.kind === 'check_in' && item.data.eventId === eventId && item.state === 'pending').count();
}

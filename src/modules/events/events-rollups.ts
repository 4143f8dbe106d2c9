import type { Database } from '../../db/database.js';
import type { RollupDelta, RollupDeltas } from '../rollups/rollups.service.js';
import { countCheckIns, countWeekCommunes } from './events.queries.js';

/**
 * The counts events own, per lowest unit (the event's unit) and Vietnam day of the check-in:
 * - `event_attendances`: people checked in plus walk-ins by head, each person once per event;
 * - `event_people`: people checked in with a record (registration or resident), once per event;
 * - `event_skill:<code>`: attendances at which that skill was taught;
 * - `week_participants`: attendances at events of a Week campaign;
 * - `week_communes`: per commune, its first event of each Week campaign (the day it was created).
 */
export const EVENT_SOURCES = {
  attendances: 'event_attendances', people: 'event_people', weekParticipants: 'week_participants', weekCommunes: 'week_communes',
} as const;
export const SKILL_PREFIX = 'event_skill:';

export const EVENTS_ROLLUP_SOURCES = { exact: Object.values(EVENT_SOURCES) as string[], prefixes: [SKILL_PREFIX] };

export interface CountedCheckIn {
  unitCode: string; provinceCode: string; day: string; inWeek: boolean; skill: string | null; people: number; attendances: number;
}

export function addCheckInCounts(deltas: RollupDeltas, c: CountedCheckIn): void {
  deltas.add(EVENT_SOURCES.attendances, c.unitCode, c.provinceCode, c.day, c.attendances);
  deltas.add(EVENT_SOURCES.people, c.unitCode, c.provinceCode, c.day, c.people);
  if (c.inWeek) deltas.add(EVENT_SOURCES.weekParticipants, c.unitCode, c.provinceCode, c.day, c.attendances);
  if (c.skill !== null) deltas.add(`${SKILL_PREFIX}${c.skill}`, c.unitCode, c.provinceCode, c.day, c.attendances);
}

export async function recountEventRollups(trx: Database): Promise<RollupDelta[]> {
  const out: RollupDelta[] = [];
  const collect = { add: (source: string, unitCode: string, provinceCode: string, day: string, delta: number) => {
    if (delta !== 0) out.push({ source, unitCode, provinceCode, day, delta });
  } } as RollupDeltas;
  for (const r of await countCheckIns(trx)) {
    addCheckInCounts(collect, { unitCode: r.unit_code, provinceCode: r.province_code, day: r.day, inWeek: r.in_week, skill: r.skill, people: r.people, attendances: r.attendances });
  }
  for (const r of await countWeekCommunes(trx)) out.push({ source: EVENT_SOURCES.weekCommunes, unitCode: r.commune_code, provinceCode: r.province_code, day: r.day, delta: 1 });
  return out;
}

import { fastUuidV7 } from '../lib/fast-uuid.js';
import { between, pick, seededRandom } from '../lib/seeded-random.js';
import { addDays } from '../lib/vietnam-day.js';
import type { HouseholdWrite, ResidentWrite } from '../modules/people/people.service.js';
import type { SyncItemInput } from '../modules/outreach/sync.service.js';
import type { FieldSchedule } from './field-schedule.js';
import { MINORITY_ETHNICITIES, nationalIdNumber, personName, type PersonSex } from './people-names.js';
import { MILESTONE_KINDS } from './province-shape.js';

/**
 * The records of one household as its village's team makes them at the door: the household and
 * its people, then the visit that helps them to the milestones the schedule gives them, each a
 * sync item as the field app sends it. Each household has its own seeded generator, so it can be
 * made on its day in any order.
 */
export interface HouseholdWork {
  household: SyncItemInput;
  residents: SyncItemInput[];
  visit: SyncItemInput;
  milestones: number;
}

/** Milestones done through VNeID (skills confirmed, digital signature), as bits of the schedule. */
const VNEID_LINKED = (1 << MILESTONE_KINDS.indexOf('skills_confirmed')) | (1 << MILESTONE_KINDS.indexOf('digital_signature'));
const QUIET_OUTCOMES = ['guided', 'guided', 'follow_up', 'not_home', 'not_home', 'refused'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

export interface HouseholdContext {
  seed: number;
  skills: readonly string[];
  /** Share of each commune's people who belong to an ethnic minority, by commune index. */
  minorityShare: readonly number[];
}

export function householdWork(schedule: FieldSchedule, h: number, context: HouseholdContext): HouseholdWork {
  const random = seededRandom((context.seed ^ Math.imul(h + 1, 0x85ebca6b)) >>> 0);
  const village = schedule.villages[schedule.householdVillage[h]!]!;
  const minorityShare = context.minorityShare[village.commune]!;
  const day = addDays(schedule.start, schedule.householdDay[h]!);
  const minute = between(random, 7 * 60, 19 * 60 + 30);
  const visitedAt = `${day}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+07:00`;
  const visitTime = Date.parse(visitedAt);
  // The household and its people are recorded at the door, a little before the visit is saved.
  const metAt = new Date(visitTime - between(random, 5, 40) * 60_000);
  const householdId = fastUuidV7();
  const recordedAt = metAt.toISOString();

  const residents: SyncItemInput[] = [];
  let headName = '';
  const help: { residentId: string; milestone: string }[] = [];
  const present: string[] = [];
  const first = schedule.householdFirstPerson[h]!;
  for (let k = 0; k < schedule.householdSize[h]!; k += 1) {
    const sex: PersonSex = random() < 0.5 ? 'male' : 'female';
    const minority = random() < minorityShare;
    const birthYear = between(random, 1945, 2007);
    const id = fastUuidV7();
    const bits = schedule.personKinds[first + k]!;
    const groups: ResidentWrite['groups'] = ['adult'];
    if (birthYear <= 1965) groups.push('elderly');
    if (minority) groups.push('ethnic_minority');
    const data: ResidentWrite = {
      id, householdId, fullName: personName(random, sex, minority), birthYear, sex, groups,
      ethnicity: minority ? pick(random, MINORITY_ETHNICITIES) : 'Kinh',
      // The team notes the citizen identity number when it helps with a VNeID service.
      ...(bits & VNEID_LINKED ? { nationalId: nationalIdNumber(first + k, sex, birthYear) } : {}),
    };
    if (k === 0) headName = data.fullName;
    residents.push({ id: fastUuidV7(), kind: 'resident', recordedAt, data });
    MILESTONE_KINDS.forEach((kind, bit) => {
      if (bits & (1 << bit)) help.push({ residentId: id, milestone: kind });
    });
    if (k === 0 || bits !== 0 || random() < 0.5) present.push(id);
  }

  const outcome = help.length > 0 ? 'guided' : pick(random, QUIET_OUTCOMES);
  const skillsTaught = outcome === 'guided' ? [...new Set([pick(random, context.skills), pick(random, context.skills)])] : [];
  return {
    household: {
      id: fastUuidV7(), kind: 'household', recordedAt,
      data: { id: householdId, villageCode: village.code, label: `Hộ ${headName}`, address: `Số ${schedule.householdNumber[h]}`, headName } satisfies HouseholdWrite,
    },
    residents,
    visit: {
      id: fastUuidV7(), kind: 'visit', recordedAt: visitedAt,
      data: { householdId, visitedAt, peoplePresent: outcome === 'not_home' ? [] : present, help, skillsTaught, outcome },
    },
    milestones: help.length,
  };
}

import { seededRandom } from '../lib/seeded-random.js';
import { daysBetween } from '../lib/vietnam-day.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import { MILESTONE_KINDS, type CommunePlan } from './province-shape.js';

/**
 * When each household of the province is reached, and what each of its people achieves: the
 * compact plan of the door-to-door work (a few bytes per household and per person, never the
 * records themselves). Records are then made household by household from it,
 * village by village, each village's households in the order of their days.
 */
export interface FieldSchedule {
  villages: { code: string; commune: number }[];
  /** Per household: its village (index into `villages`), its number in the village, first person, size, day. */
  householdVillage: Uint16Array;
  householdNumber: Uint32Array;
  householdFirstPerson: Uint32Array;
  householdSize: Uint8Array;
  /** Days after `start`. */
  householdDay: Uint8Array;
  /** The first of the peak days. */
  start: string;
  /** Per person: one bit per milestone kind (MILESTONE_KINDS order) they reach at the visit. */
  personKinds: Uint8Array;
  /** Household indices sorted by village, then day. */
  order: Uint32Array;
  days: number;
}

/** Household sizes among the people the teams record (adults mostly): 1 to 5. */
const SIZE_WEIGHTS = [0.12, 0.3, 0.28, 0.2, 0.1];

function drawHouseholdSize(random: () => number): number {
  let roll = random();
  for (const [i, weight] of SIZE_WEIGHTS.entries()) {
    if (roll < weight) return i + 1;
    roll -= weight;
  }
  return SIZE_WEIGHTS.length;
}

/** The first `count` of a seeded shuffle of 0…n-1 (partial Fisher–Yates), as a membership mask. */
function chosen(random: () => number, n: number, count: number): Uint8Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  const mask = new Uint8Array(n);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const picked = order[j]!;
    order[j] = order[i]!;
    order[i] = picked;
    mask[picked] = 1;
  }
  return mask;
}

/**
 * Every household is reached between its commune's start and the report day, more of them as the
 * campaign gathers pace, so the figures rise towards the report's and reach them on its day.
 */
export function scheduleFieldWork(communes: readonly CommunePlan[], seed: number, calendar: CampaignCalendar): FieldSchedule {
  const dayIndex = (day: string) => daysBetween(calendar.start, day);
  const villages = communes.flatMap((c, commune) => c.villages.map((v) => ({ code: v.code, commune, plan: v })));
  const people = villages.reduce((s, v) => s + v.plan.residents, 0);
  const personKinds = new Uint8Array(people);
  // At most one household per person: sized for that, trimmed at the end.
  const capacity = people;
  const householdVillage = new Uint16Array(capacity);
  const householdNumber = new Uint32Array(capacity);
  const householdFirstPerson = new Uint32Array(capacity);
  const householdSize = new Uint8Array(capacity);
  const householdDay = new Uint8Array(capacity);
  const days = dayIndex(calendar.reportDay) + 1;

  let households = 0;
  let person = 0;
  for (const [v, { plan }] of villages.entries()) {
    const random = seededRandom((seed ^ Math.imul(v + 1, 0x9e3779b1)) >>> 0);
    const n = plan.residents;
    const { milestones } = plan;
    // Who reaches which milestone: two independent draws, so skills and the app overlap as in life.
    const confirmed = chosen(random, n, Math.max(milestones.skills_confirmed, milestones.learning_platform));
    const installed = chosen(random, n, Math.max(milestones.provincial_app, milestones.digital_signature));
    const held = MILESTONE_KINDS.map(() => 0);
    for (let i = 0; i < n; i += 1) {
      let bits = 0;
      MILESTONE_KINDS.forEach((kind, k) => {
        const pool = kind === 'skills_confirmed' || kind === 'learning_platform' ? confirmed : installed;
        if (pool[i] && held[k]! < milestones[kind]) {
          bits |= 1 << k;
          held[k]! += 1;
        }
      });
      personKinds[person + i] = bits;
    }
    const { fieldStart, pace } = communes[villages[v]!.commune]!.profile;
    const start = dayIndex(fieldStart);
    const span = Math.max(1, days - 1 - start);
    // The pace grows through the campaign (the density of visit days rises towards the report),
    // except where a commune stalled: its work thins out, so its recent pace shows it far behind.
    const stalled = pace === 'behind';
    for (let h = 0, taken = 0; taken < n; h += 1) {
      const size = Math.min(drawHouseholdSize(random), n - taken);
      householdVillage[households] = v;
      householdNumber[households] = h + 1;
      householdFirstPerson[households] = person + taken;
      householdSize[households] = size;
      householdDay[households] = start + Math.floor(span * (stalled ? 1 - Math.sqrt(1 - random()) : Math.sqrt(random())));
      households += 1;
      taken += size;
    }
    person += n;
  }

  // Households in order of their village, then of their day: one village's work reaches the
  // server in few batches, as its team's devices send it, and each batch checks its villages once.
  const order = new Uint32Array(households);
  for (let h = 0; h < households; h += 1) order[h] = h;
  order.sort((a, b) => householdVillage[a]! - householdVillage[b]! || householdDay[a]! - householdDay[b]! || a - b);

  return {
    villages: villages.map((v) => ({ code: v.code, commune: v.commune })),
    householdVillage: householdVillage.slice(0, households), householdNumber: householdNumber.slice(0, households),
    householdFirstPerson: householdFirstPerson.slice(0, households), householdSize: householdSize.slice(0, households),
    householdDay: householdDay.slice(0, households), start: calendar.start, personKinds, order, days,
  };
}

import type { Database } from '../../db/database.js';
import type { RollupDelta } from '../rollups/rollups.service.js';
import * as mq from './milestones.queries.js';
import { milestoneSource } from './milestones.service.js';
import {
  presentHousehold, presentMissingResident, presentResident,
  type HouseholdRecord, type MissingResident, type ResidentRecord,
} from './people.presenter.js';
import * as q from './people.queries.js';

export interface VillagePage {
  households: HouseholdRecord[];
  residents: ResidentRecord[];
  /** The change_seq of the last record sent; null when the device is up to date or capped. */
  next: number | null;
  /** Where the device stands after this page, even on the last one: its `after` for the next sync. */
  cursor: number;
  capped: boolean;
}

/**
 * One page of a village's households and residents in the order they last changed, after the
 * cursor. A device keeps at most `cap` records: once the records it already holds (those at or
 * before its cursor) and this page reach the cap, the answer stops with `capped`.
 * Runs in a transaction: it waits until no write of the village is in flight (see lockVillagesShared).
 */
export async function pullVillagePage(trx: Database, villageCode: string, after: number, limit: number, cap: number): Promise<VillagePage> {
  await q.lockVillageExclusive(trx, villageCode);
  const held = after > 0 ? await q.countRecordsUpTo(trx, villageCode, after) : 0;
  const room = Math.max(0, cap - held);
  const take = Math.min(limit, room);
  const households = await q.selectHouseholdsChangedAfter(trx, villageCode, after, take + 1);
  const residents = await q.selectResidentsChangedAfter(trx, villageCode, after, take + 1);
  const merged = [
    ...households.map((row) => ({ seq: Number(row.change_seq), household: row })),
    ...residents.map((row) => ({ seq: Number(row.change_seq), resident: row })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, take);
  const more = merged.length > take;
  const capped = more && take === room;
  return {
    households: page.flatMap((r) => ('household' in r && r.household ? [presentHousehold(r.household)] : [])),
    residents: page.flatMap((r) => ('resident' in r && r.resident ? [presentResident(r.resident)] : [])),
    next: more && !capped ? (page.at(-1)?.seq ?? null) : null,
    cursor: page.at(-1)?.seq ?? after,
    capped,
  };
}

export interface MissingCursor {
  householdId: string;
  residentId: string;
}

/** Residents of the village who do not hold `kind` yet, household by household: the next doors to knock on. */
export async function listResidentsLacking(
  db: Database, villageCode: string, kind: string, after: MissingCursor | undefined, limit: number,
): Promise<{ items: MissingResident[]; next: MissingCursor | null }> {
  const rows = await q.selectResidentsLacking(db, villageCode, kind, after, limit + 1);
  const items = rows.slice(0, limit).map(presentMissingResident);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { householdId: last.householdId, residentId: last.id } : null };
}

/** Names of the rollup sources the people module keeps. */
export const PEOPLE_ROLLUP_SOURCES = { exact: ['households', 'residents'], prefixes: ['milestone:'] } as const;

/**
 * The people module's counts recomputed from its tables (held milestone kinds rebuilt from the
 * facts on the way), for `doorstep rollups rebuild`. Writers wait until the caller commits.
 */
export async function recountPeopleRollups(trx: Database): Promise<RollupDelta[]> {
  await q.lockPeopleTables(trx);
  const rows: RollupDelta[] = [];
  for (const table of ['households', 'residents'] as const) {
    for (const r of await q.countRecordsByVillageDay(trx, table)) {
      rows.push({ source: table, unitCode: r.village_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) });
    }
  }
  for (const r of await mq.rebuildHeldKinds(trx)) {
    rows.push({ source: milestoneSource(r.kind), unitCode: r.village_code, provinceCode: r.province_code, day: r.day, delta: Number(r.n) });
  }
  return rows;
}

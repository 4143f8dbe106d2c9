import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { createHouseholds, createResidents } from '../people/people.public.js';
import type { ChangeFeedLocks, ResidentHolder } from '../people/people.service.js';
import type { RollupDeltas } from '../rollups/rollups.service.js';
import type { ScopeCache } from '../units/units.public.js';

/** A row of the national file whose ID number matched no resident, with its number's keyed hash. */
export interface Unmatched {
  line: number;
  hash: string;
  nationalId: string;
  name: string;
  unitCode: string;
}

export interface NewResidents {
  /** hash → the resident created for it (one per number, whatever the rows naming it). */
  created: Map<string, ResidentHolder>;
  /** Rows whose unit is not a village: a household lives in a village, so no one is created. */
  notVillage: number[];
}

/**
 * Creates the residents an import was asked to create: one household of one person per number,
 * in the row's village (checked in the importer's scope), through the same bulk path as the field
 * app, so the counts and the devices' change feed follow. The first row naming a number gives the
 * name and the village. Runs in the import's transaction: a refused import leaves no one behind.
 */
export async function createImportedResidents(
  trx: Database, viewer: Viewer | null, rows: readonly Unmatched[],
  ctx: { secretKey: string; scope: ScopeCache; feed: ChangeFeedLocks; rollups: RollupDeltas },
): Promise<NewResidents> {
  const first = new Map<string, Unmatched & { village: { code: string; provinceCode: string } }>();
  const notVillage: number[] = [];
  for (const row of rows) {
    const village = await ctx.scope.village(row.unitCode);
    if (village.status !== 'ok') notVillage.push(row.line);
    else if (!first.has(row.hash)) first.set(row.hash, { ...row, village: { code: village.code, provinceCode: village.provinceCode } });
  }
  const recordedAt = new Date();
  const bulk = { viewer, deviceId: fastUuidV7(), secretKey: ctx.secretKey, scope: ctx.scope, feed: ctx.feed, rollups: ctx.rollups };
  const people = [...first.values()].map((row) => ({ row, householdId: fastUuidV7(), residentId: fastUuidV7() }));
  await createHouseholds(trx, people.map(({ row, householdId }) => ({
    recordedAt, data: { id: householdId, villageCode: row.village.code, label: row.name, headName: row.name, note: null },
  })), bulk);
  const outcomes = await createResidents(trx, people.map(({ row, householdId, residentId }) => ({
    recordedAt, data: { id: residentId, householdId, fullName: row.name, groups: [], nationalId: row.nationalId },
  })), bulk);
  const created = new Map<string, ResidentHolder>();
  people.forEach(({ row, residentId }, i) => {
    if (outcomes[i]?.status === 'created') created.set(row.hash, { id: residentId, fullName: row.name, villageCode: row.village.code, provinceCode: row.village.provinceCode });
  });
  return { created, notVillage };
}

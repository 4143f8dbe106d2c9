import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { createUserAndLogin } from '../../testing/login.js';
import { startTestApp, TEST_SECRET_KEY, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { addToRollups, holdRollupsForWrite, RollupDeltas, sumRollups } from '../rollups/rollups.service.js';
import { ScopeCache } from '../units/unit-scope.js';
import { createHouseholds, createResidents, type BulkOutcome, type NewRecord } from './bulk-records.js';
import { ChangeFeedLocks, type HouseholdWrite, type ResidentWrite } from './people.service.js';

let t: TestApp;
let commune: Viewer;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  const user = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  commune = { id: user.id, username: user.username, role: 'commune_officer', scopeUnitCode: '66001' };
});
afterAll(() => t.close());

const at = new Date('2025-08-02T09:00:00+07:00');
const household = (villageCode: string, id = fastUuidV7()): NewRecord<HouseholdWrite> => ({ recordedAt: at, data: { id, villageCode, label: 'Hộ Nguyễn Văn An' } });
const resident = (householdId: string, nationalId?: string, id = fastUuidV7()): NewRecord<ResidentWrite> => ({
  recordedAt: at, data: { id, householdId, fullName: 'Nguyễn Văn An', groups: ['adult'], ...(nationalId ? { nationalId } : {}) },
});

/** One use case as the scenario runs it: both kinds in one transaction, then the counts. */
async function write(households: NewRecord<HouseholdWrite>[], residents: NewRecord<ResidentWrite>[]): Promise<{ households: BulkOutcome[]; residents: BulkOutcome[] }> {
  return t.db.transaction().execute(async (trx) => {
    await holdRollupsForWrite(trx);
    const ctx = { viewer: commune, deviceId: fastUuidV7(), secretKey: TEST_SECRET_KEY, scope: new ScopeCache(trx, commune), feed: new ChangeFeedLocks(trx), rollups: new RollupDeltas() };
    const result = { households: await createHouseholds(trx, households, ctx), residents: await createResidents(trx, residents, ctx) };
    await addToRollups(trx, ctx.rollups.rows());
    return result;
  });
}

const counts = async () => Object.fromEntries((await sumRollups(t.db, ['6600101', '6600102'], { exact: ['households', 'residents'] }, '2025-12-31'))
  .map((row) => [`${row.source}:${row.unitCode}`, row.value]));

describe('bulk creation of households and residents', () => {
  it('creates new records with their counts, and a replay changes nothing', async () => {
    const homes = [household('6600101'), household('6600101'), household('6600102')];
    const people = [resident(homes[0]!.data.id, '066085000001'), resident(homes[0]!.data.id), resident(homes[2]!.data.id)];
    const first = await write(homes, people);
    expect([...first.households, ...first.residents].every((o) => o.status === 'created')).toBe(true);
    expect(await counts()).toEqual({ 'households:6600101': 2, 'households:6600102': 1, 'residents:6600101': 2, 'residents:6600102': 1 });

    const again = await write(homes, people);
    expect([...again.households, ...again.residents].every((o) => o.status === 'exists')).toBe(true);
    expect(await counts()).toEqual({ 'households:6600101': 2, 'households:6600102': 1, 'residents:6600101': 2, 'residents:6600102': 1 });
  });

  it('refuses villages and households out of scope, as saveHousehold and saveResident do', async () => {
    const result = await write([household('6600201'), household('66001')], [resident(fastUuidV7())]);
    expect(result.households.map((o) => o.status === 'rejected' && o.error.code)).toEqual(['UNIT_NOT_FOUND', 'UNIT_NOT_VILLAGE']);
    expect(result.residents.map((o) => o.status === 'rejected' && o.error.code)).toEqual(['HOUSEHOLD_NOT_FOUND']);
  });

  it('keeps one person per national ID number: a stored one or one earlier in the call names its holder', async () => {
    const home = household('6600102');
    const holder = resident(home.data.id, '066090000002');
    const [stored] = (await write([home], [holder])).residents;
    expect(stored).toEqual({ status: 'created' });
    const twins = [resident(home.data.id, '066090000002'), resident(home.data.id, '066090000003'), resident(home.data.id, '066090000003')];
    const { residents } = await write([], twins);
    expect(residents[0]).toMatchObject({ status: 'rejected', error: { code: 'RESIDENT_DUPLICATE', existingId: holder.data.id } });
    expect(residents[1]).toEqual({ status: 'created' });
    expect(residents[2]).toMatchObject({ status: 'rejected', error: { code: 'RESIDENT_DUPLICATE', existingId: twins[1]!.data.id } });
    // Two writes of a stored number: both name the stored holder.
    const late = (await write([], [resident(home.data.id, '066090000002'), resident(home.data.id, '066090000002')])).residents;
    expect(late.map((o) => o.status === 'rejected' && (o.error as { existingId?: string }).existingId)).toEqual([holder.data.id, holder.data.id]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { putCommittee } from '../modules/teams/committees.service.js';
import { addMember, createTeam } from '../modules/teams/teams.service.js';
import { upsertStatistics } from '../modules/units/units.queries.js';
import { openEmptyPGlite, openTestDatabase } from '../testing/test-database.js';
import { createSmallProvince } from '../testing/unit-fixtures.js';
import { BackupRefused, restoreBackup, tableCounts, writeBackup } from './backup.js';
import type { DatabaseHandle } from './database.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-backup-'));
const handles: DatabaseHandle[] = [];
const track = (handle: DatabaseHandle) => { handles.push(handle); return handle; };
afterAll(async () => {
  for (const handle of handles) await handle.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every row of every table exactly, and the restored database keeps working', async () => {
    const source = track(await openTestDatabase());
    await createSmallProvince(source.db);
    await upsertStatistics(source.db, [{ unit_code: '6600101', kind: 'adults', as_of: '2025-07-01', value: 120, province_code: '66' }]);
    const team = await createTeam(source.db, null, { unitCode: '6600101', name: 'Tổ CNSCĐ thôn 1', establishedOn: '2025-07-15' });
    await addMember(source.db, null, team.id, { fullName: 'Y Bih Niê', affiliation: 'youth_union', role: 'leader', phone: '0905123456', joinedOn: '2025-07-15' });
    await putCommittee(source.db, null, '66001', { decisionNumber: '12/QĐ-UBND', decisionDate: '2025-07-10', members: [{ fullName: 'Chủ tịch', position: 'Chủ tịch UBND', committeeRole: 'chair' }] });
    const before = await tableCounts(source.db);
    expect(before.units).toBeGreaterThan(5);

    const file = path.join(folder, 'round-trip.doorstep.gz');
    expect(await writeBackup(source.db, file)).toEqual(before);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const target = track(await openEmptyPGlite());
    const after = await restoreBackup(target.db, file);
    expect(after).toEqual(before);
    expect(await tableCounts(target.db)).toEqual(before);
    const member = await target.db.selectFrom('team_members').select(['full_name', 'phone']).executeTakeFirstOrThrow();
    expect(member.full_name).toBe('Y Bih Niê');
    // Identity counters moved past the loaded ids: the next write does not collide.
    await addMember(target.db, null, team.id, { fullName: 'H Nhung', affiliation: 'teacher', role: 'member', joinedOn: '2025-07-15' });
    await putCommittee(target.db, null, '66002', { decisionNumber: '13/QĐ-UBND', decisionDate: '2025-07-11', members: [{ fullName: 'Phó Chủ tịch', position: 'Phó Chủ tịch', committeeRole: 'chair' }] });

    // Never into a database that holds something.
    await expect(restoreBackup(source.db, file)).rejects.toBeInstanceOf(BackupRefused);
  }, 120_000);

  it('restores a backup of an older version and migrates it to this one', async () => {
    const names = Object.keys(migrations).sort();
    const older = track(await openEmptyPGlite());
    const migrator = new Migrator({ db: older.db, provider: { getMigrations: async () => migrations } });
    const earlier = names[names.length - 3]!;
    expect((await migrator.migrateTo(earlier)).error).toBeUndefined();
    await createSmallProvince(older.db);
    const file = path.join(folder, 'older.doorstep.gz');
    const counts = await writeBackup(older.db, file);
    const header = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')[0]!);
    expect(header.migrations.at(-1)).toBe(earlier);

    const target = track(await openEmptyPGlite());
    await restoreBackup(target.db, file);
    const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(target.db)).rows.map((r) => r.name);
    expect(applied).toEqual(names);
    expect((await tableCounts(target.db)).units).toBe(counts.units);
  }, 120_000);
});

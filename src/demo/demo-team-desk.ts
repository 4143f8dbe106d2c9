import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { assignHouseholds, recordMemberSync } from '../modules/outreach/team-desk.service.js';
import { applySyncBatch } from '../modules/outreach/sync.service.js';
import { householdIdsOfVillage } from '../modules/people/people.service.js';
import { joinTeamOfUnit } from '../modules/teams/teams.service.js';
import { getUnit } from '../modules/units/units.service.js';
import { vietnamDay } from '../lib/vietnam-day.js';

/**
 * The team leader's screen with something on it: the demo's leader and member accounts join the
 * village team (the leader leads it), the leader has given each of them households, the member
 * has knocked on two doors today (one guided, one nobody home) and their phone synced this
 * morning, while the leader's own phone has not synced yet.
 */
export async function addDemoTeamDesk(
  db: Database, phones: { leader: Viewer & { displayName: string }; member: Viewer & { displayName: string } }, villageCode: string, secretKey: string,
): Promise<void> {
  if (!(await joinTeamOfUnit(db, villageCode, { userId: phones.leader.id, fullName: phones.leader.displayName, leader: true }))) return;
  await joinTeamOfUnit(db, villageCode, { userId: phones.member.id, fullName: phones.member.displayName, leader: false });
  const households = (await householdIdsOfVillage(db, villageCode)).slice(0, 8);
  if (households.length < 2) return;
  await assignHouseholds(db, phones.leader, { village: villageCode, householdIds: households.slice(0, 5), userId: phones.member.id });
  await assignHouseholds(db, phones.leader, { village: villageCode, householdIds: households.slice(5), userId: phones.leader.id });
  const now = new Date();
  // "Today" is Vietnam's day: just after its midnight, the time since then is shared out in the
  // same order, so the demo's visits of today are never yesterday's.
  const midnight = Date.parse(`${vietnamDay(now)}T00:00:00+07:00`);
  const earlierToday = (minutesAgo: number) =>
    new Date(Math.max(now.getTime() - minutesAgo * 60_000, midnight + (now.getTime() - midnight) * (1 - minutesAgo / 120)));
  const visit = (householdId: string, outcome: string, minutesAgo: number) => {
    const at = earlierToday(minutesAgo).toISOString();
    return { id: uuidv7(), kind: 'visit' as const, recordedAt: at, data: { householdId, visitedAt: at, outcome } };
  };
  await applySyncBatch(db, phones.member, { deviceId: uuidv7(), items: [visit(households[0]!, 'guided', 90), visit(households[1]!, 'not_home', 60)] }, { secretKey, lang: 'vi' });
  await recordMemberSync(db, phones.member, await getUnit(db, villageCode), earlierToday(45));
}

import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { addDays, vietnamDay } from '../lib/vietnam-day.js';
import { applySyncBatch, type SyncItemInput } from '../modules/outreach/sync.service.js';
import { handleDifficulty, reportDifficulty } from '../modules/targets/difficulties/difficulties.service.js';
import { calendarReportingOn, monthsEndedBy, type CampaignCalendar } from '../scenario/campaign-calendar.js';
import type { CommunePlan } from '../scenario/province-shape.js';
import { runScenario, type ScenarioReport } from '../scenario/scenario.js';

/**
 * The demo province with its campaign under way: the Dak Lak scenario, small, dated so that it
 * was launched 52 days ago and reaches the article's figures today, its deadlines ahead, its
 * communes spread from far behind to done. Everything goes through the real write path (the
 * scenario's). Each part is one function, so a new part (a contest…) is one more call.
 */

/** Small enough to build in seconds on the embedded database, large enough for every commune to have villages, teams and people. */
export const DEMO_SCALE = 0.01;

export interface LivingDemo {
  calendar: CampaignCalendar;
  scenario: ScenarioReport;
}

/** The campaign itself: the province, its plan, committees, teams, door-to-door work and reported figures. */
export async function buildDemoCampaign(db: Database, secretKey: string, today = vietnamDay()): Promise<LivingDemo> {
  const calendar = calendarReportingOn(today);
  // Every fourth commune's last monthly figures await the province's approval.
  const lastMonth = monthsEndedBy(calendar.start, calendar.reportDay).at(-1);
  const scenario = await runScenario(db, {
    scale: DEMO_SCALE, secretKey, calendar,
    approve: (commune, report) => !(report.periodStart === lastMonth && Number(commune.code.slice(-3)) % 4 === 1),
  });
  return { calendar, scenario };
}

const DIFFICULTIES = [
  { category: 'weak_network', description: 'Sóng điện thoại yếu ở các buôn xa trung tâm, khó kích hoạt VNeID tại nhà dân.' },
  { category: 'no_devices', description: 'Nhiều hộ người cao tuổi không có điện thoại thông minh.' },
  { category: 'no_trainers', description: 'Tổ công nghệ số thiếu người biết tiếng Ê Đê để hướng dẫn bà con.' },
  { category: 'no_materials', description: 'Cần tài liệu hướng dẫn cài đặt ứng dụng Đắk Lắk số bằng hình ảnh.' },
] as const;

/** Open difficulties reported by the communes furthest behind, one of them already answered by the province. */
export async function addDemoDifficulties(db: Database, viewer: Viewer, communes: readonly CommunePlan[]): Promise<number> {
  const lagging = communes.filter((c) => c.profile.pace === 'behind').slice(0, 6);
  let reported = 0;
  for (const [i, commune] of lagging.entries()) {
    const difficulty = await reportDifficulty(db, viewer, { unitCode: commune.code, ...DIFFICULTIES[i % DIFFICULTIES.length]! });
    if (i === 0) await handleDifficulty(db, viewer, difficulty.id, { action: 'answer', answer: 'Sở đã đề nghị nhà mạng lắp thêm trạm phát sóng; tạm thời tổ hướng dẫn tại nhà văn hóa thôn.' });
    reported += 1;
  }
  return reported;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A few sync conflicts in the demo village: the leader's and the member's phones both edit the
 * same people; the later edit wins and the earlier one, arriving after it, is kept and flagged
 * for the commune officer.
 */
export async function addDemoConflicts(
  db: Database, phones: { leader: Viewer; member: Viewer }, villageCode: string, secretKey: string, today = vietnamDay(),
): Promise<number> {
  const yesterday = addDays(today, -1);
  const at = (hour: number, minute = 0) => `${yesterday}T${pad(hour)}:${pad(minute)}:00+07:00`;
  const sync = (viewer: Viewer, items: SyncItemInput[]) => applySyncBatch(db, viewer, { deviceId: uuidv7(), items }, { secretKey, lang: 'vi' });
  const people = [
    { household: 'Hộ bà H Yơn Niê', name: 'H Yơn Niê', leaderEdit: 'H Yơn Niê (Ami Thảo)', memberEdit: 'H Yơn Niê Kdăm' },
    { household: 'Hộ ông Y Krai Ayun', name: 'Y Krai Ayun', leaderEdit: 'Y Krai Ayun', memberEdit: 'Y Krai A Yun' },
    { household: 'Hộ ông Nguyễn Văn Tâm', name: 'Nguyễn Văn Tâm', leaderEdit: 'Nguyễn Văn Tâm', memberEdit: 'Nguyễn Văn Tầm' },
  ];
  let conflicts = 0;
  for (const [i, person] of people.entries()) {
    const householdId = uuidv7();
    const residentId = uuidv7();
    const resident = (fullName: string, extra: object) => ({ id: residentId, householdId, fullName, groups: ['adult'], ...extra });
    await sync(phones.leader, [
      { id: uuidv7(), kind: 'household', recordedAt: at(8, i), data: { id: householdId, villageCode, label: person.household } },
      { id: uuidv7(), kind: 'resident', recordedAt: at(8, i + 1), data: resident(person.name, {}) },
    ]);
    await sync(phones.leader, [{ id: uuidv7(), kind: 'resident', recordedAt: at(15, i), data: resident(person.leaderEdit, { baseRevision: 1, birthYear: 1970 + i }) }]);
    // The member's phone was offline: its edit, made earlier, arrives after the leader's.
    const { results } = await sync(phones.member, [{ id: uuidv7(), kind: 'resident', recordedAt: at(10, i), data: resident(person.memberEdit, { baseRevision: 1 }) }]);
    if (results[0]?.status === 'conflict') conflicts += 1;
  }
  return conflicts;
}

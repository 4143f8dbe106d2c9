import type { Database } from '../db/database.js';
import { addDays, vietnamDay } from '../lib/vietnam-day.js';
import { createDemoContest } from '../modules/contest/contests.service.js';
import { importBank } from '../modules/question-banks/question-banks.service.js';
import { DEMO_CONTEST_BANK } from './demo-contest-bank.js';

/**
 * The demo province's quiz contest: a bank of digital-skills questions imported as an officer
 * would, and four weekly phases dated from today, the second open now, so the public contest
 * page works on the first start.
 */
export async function buildDemoContest(db: Database, provinceCode: string, today = vietnamDay()): Promise<void> {
  const bank = await importBank(db, { provinceCode, name: 'Kỹ năng số cho mọi người', format: 'gift', body: Buffer.from(DEMO_CONTEST_BANK), actorId: null });
  const monday = addDays(today, -7);
  await createDemoContest(db, {
    provinceCode,
    title: 'Cuộc thi trực tuyến tìm hiểu về chuyển đổi số',
    bankId: bank.id,
    phases: [0, 1, 2, 3].map((week) => ({ startsOn: addDays(monday, week * 7), endsOn: addDays(monday, week * 7 + 6) })),
    organiserPhoneHashes: [],
  });
}

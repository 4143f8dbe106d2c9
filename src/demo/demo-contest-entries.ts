import type { Database } from '../db/database.js';
import { seededRandom } from '../lib/seeded-random.js';
import { addDays, daysBetween, vietnamDay } from '../lib/vietnam-day.js';
import { startAttempt, submitAttempt } from '../modules/contest/attempts.service.js';
import type { Contest } from '../modules/contest/contests.service.js';
import { registerParticipant } from '../modules/contest/participants.service.js';
import { bankQuestions } from '../modules/question-banks/question-banks.service.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Y', 'H', 'Ksor', 'Niê', 'Buôn Krông'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Hoa', 'Lan', 'Nam', 'Hùng', 'Mai', 'Tuấn', 'Dung', 'Khoa', 'Blăk', 'Hiao', 'Nhung', 'Sơn'];

/** How many demo people take part in the ended phase, and today. Small: the first start stays quick. */
const PAST_ENTRANTS = 30;
const TODAY_ENTRANTS = 12;

/**
 * People of the demo province taking part, through the same services the public page uses: a
 * few dozen in the phase that has ended (so publishing it names winners and ranks units) and a
 * couple of dozen today (so the officers' tile and the plan's contest indicator are not zero).
 * Most people come from a few communes, as in a real campaign where some communes mobilise.
 */
export async function addDemoEntrants(db: Database, secretKey: string, contest: Contest, villages: readonly string[], now = new Date()): Promise<void> {
  const random = seededRandom(2025);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rightOf = new Map((await bankQuestions(db, contest.bankId)).map((q) => [q.id, q.correctOptionId]));
  const keen = villages.slice(0, Math.max(1, Math.floor(villages.length / 10)));
  const today = vietnamDay(now);
  const ended = contest.phases.find((p) => p.endsOn < today);
  const people = Array.from({ length: PAST_ENTRANTS }, (_, i) => ({
    fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    phone: `097${String(1_000_000 + i * 7919).slice(-7)}`,
    unitCode: random() < 0.6 ? pick(keen) : pick(villages),
  }));
  const take = async (person: (typeof people)[number], startAt: Date, index: number) => {
    const { participant } = await registerParticipant(db, secretKey, person);
    const address = `10.20.${index >> 8}.${index & 255}`;
    const paper = await startAttempt(db, participant, contest.id, address, startAt);
    const skill = 0.4 + random() * 0.55;
    const answers = paper.questions.map((q) => ({ questionId: q.id, optionId: random() < skill ? rightOf.get(q.id)! : pick(q.options).id }));
    const thinking = (60 + random() * 480) * 1000;
    await submitAttempt(db, participant, paper.attemptId, { answers, prediction: 40 + Math.floor(random() * 80) }, address, new Date(startAt.getTime() + thinking));
  };
  if (ended) {
    for (const [i, person] of people.entries()) {
      const day = addDays(ended.startsOn, Math.floor(random() * 7) % (1 + daysBetween(ended.startsOn, ended.endsOn)));
      // Evenings, Vietnam time (UTC+7): 19:00 to 22:00.
      await take(person, new Date(Date.parse(`${day}T12:00:00Z`) + random() * 3 * 3600_000), i);
    }
  }
  if (contest.phases.some((p) => p.startsOn <= today && today <= p.endsOn)) {
    for (let i = 0; i < TODAY_ENTRANTS; i++) {
      // Earlier today, never before today's midnight in Vietnam.
      const midnight = Date.parse(`${today}T00:00:00+07:00`);
      const startAt = new Date(Math.max(midnight + 60_000, now.getTime() - 15 * 60_000 - random() * 6 * 3600_000));
      await take(people[i * 2]!, startAt, PAST_ENTRANTS + i);
    }
  }
}

import type { Database } from '../../db/database.js';
import { getPhase, type ContestState } from './contests.service.js';
import { participantNames } from './participants.service.js';
import { maskName } from './results.service.js';
import * as q from './suspicious.queries.js';

/**
 * What an officer checks before publishing: many attempts from one address (a shared school
 * network is legitimate, a script is not, so it lists, it does not block) and attempts answered
 * faster than anyone reads the questions.
 */
export async function suspiciousPatterns(db: Database, contest: ContestState, phase: number) {
  getPhase(contest, phase);
  const addresses = await q.selectBusyAddresses(db, contest.id, phase, contest.rules.attemptsPerAddress);
  const fast = await q.selectFastAttempts(db, contest.id, phase, contest.rules.minSecondsPerQuestion * 1000);
  const names = await participantNames(db, fast.map((r) => r.participant_id));
  return {
    addresses,
    fastAttempts: fast.map((r) => ({
      attemptId: r.id, name: maskName(names.get(r.participant_id)?.fullName ?? ''), unitCode: r.unit_code, score: Number(r.score),
      durationMs: Number(r.duration_ms), secondsPerQuestion: Math.round(Number(r.duration_ms) / Number(r.questions)) / 1000,
      address: r.client_address, startedAt: new Date(r.started_at).toISOString(),
    })),
  };
}

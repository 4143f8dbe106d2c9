import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { withDefaults, type ContestRules } from './contest-rules.js';
import {
  checkPhases, forgetContest, getContestState, getManagedContest, managedContest, phaseRow,
  type ContestState, type ManagedContest, type NewPhase, type Phase,
} from './contests.service.js';
import * as q from './contests.queries.js';
import { getBank } from '../question-banks/question-banks.service.js';

export interface ContestChanges {
  title?: string;
  bankId?: string;
  rules?: Partial<ContestRules>;
  /** The whole list of phases, in order: published phases must come back unchanged. */
  phases?: NewPhase[];
  /** Replaces the organisers' list when given (an empty list clears it); left out, the list stays. */
  organiserPhoneHashes?: string[];
}

const samePrizes = (a: Phase['prizes'], b: NewPhase['prizes']) => !b || (a.first === b.first && a.second === b.second && a.third === b.third);

/**
 * What may no longer change once people have taken part: a published phase is frozen (its
 * winners are public), a phase with attempts may be moved but not removed (it holds results),
 * and the bank stays once anyone has drawn questions from it (their answers name its questions).
 */
async function checkLocked(db: Database, contest: ContestState, changes: ContestChanges): Promise<void> {
  const withAttempts = await q.selectPhasesWithAttempts(db, contest.id);
  if (changes.bankId !== undefined && changes.bankId !== contest.bankId && withAttempts.length > 0) {
    throw new AppError('CONTEST_BANK_IN_USE', undefined, 'bankId');
  }
  if (!changes.phases) return;
  const phases = changes.phases;
  for (const old of contest.phases) {
    const next = phases[old.number - 1];
    const field = next ? `phases[${old.number - 1}]` : 'phases';
    if (old.publishedAt && (!next || next.startsOn !== old.startsOn || next.endsOn !== old.endsOn || !samePrizes(old.prizes, next.prizes))) {
      throw new AppError('CONTEST_PHASE_PUBLISHED', `Phase ${old.number} is published`, field);
    }
    if (!next && withAttempts.includes(old.number)) throw new AppError('CONTEST_PHASE_HAS_ATTEMPTS', `Phase ${old.number} has attempts`, field);
  }
}

/** Edits a contest: title, bank, rules (merged over the current ones), phases with their prizes, organisers. */
export async function updateContest(db: Database, viewer: Viewer, id: string, changes: ContestChanges): Promise<ManagedContest> {
  const contest = await getManagedContest(db, viewer, id);
  if (changes.phases) checkPhases(changes.phases);
  await checkLocked(db, contest, changes);
  const rules = withDefaults({ ...contest.rules, ...changes.rules });
  const bankId = changes.bankId ?? contest.bankId;
  const bank = await getBank(db, bankId).catch(() => { throw new AppError('BANK_NOT_FOUND', undefined, 'bankId'); });
  if (bank.provinceCode !== contest.provinceCode) throw new AppError('BANK_NOT_FOUND', 'The bank belongs to another province', 'bankId');
  if (bank.questionCount < rules.questionsPerAttempt) throw new AppError('CONTEST_BANK_TOO_SMALL', `${bank.questionCount} < ${rules.questionsPerAttempt}`, 'rules.questionsPerAttempt');
  await inTransaction(db, async (trx) => {
    await q.updateContest(trx, id, {
      title: changes.title ?? contest.title, bank_id: bankId, rules: JSON.stringify(rules),
      organiser_phone_hashes: changes.organiserPhoneHashes ?? [...contest.organiserPhoneHashes],
    });
    if (changes.phases) {
      const published = new Set(contest.phases.filter((p) => p.publishedAt).map((p) => p.number));
      const open = changes.phases.map((p, i) => phaseRow(id, contest.provinceCode, i + 1, p)).filter((row) => !published.has(row.number));
      await q.replaceOpenPhases(trx, id, open, changes.phases.length);
    }
  });
  forgetContest(id);
  return managedContest(await getContestState(db, id));
}

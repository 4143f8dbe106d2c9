import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { addDays, vietnamDay } from '../../lib/vietnam-day.js';
import { getUnit, isWithinScope } from '../units/units.service.js';
import { getBank } from '../question-banks/question-banks.service.js';
import { withDefaults, type ContestRules, type PrizeCounts } from './contest-rules.js';
import * as q from './contests.queries.js';

export interface Phase {
  number: number;
  startsOn: string;
  endsOn: string;
  /** The real number of participants, frozen at publication (what the predictions aimed at). */
  participantCount: number | null;
  publishedAt: string | null;
  /** How many 1st, 2nd and 3rd prizes this phase gives: its own count, else the contest's rule. */
  prizes: PrizeCounts;
}

export interface Contest {
  id: string;
  provinceCode: string;
  title: string;
  bankId: string;
  rules: ContestRules;
  phases: Phase[];
}

/** What the contest keeps in memory of a contest: the organisers' phone hashes stay server-side. */
export interface ContestState extends Contest {
  organiserPhoneHashes: ReadonlySet<string>;
}

export interface NewContest {
  provinceCode: string;
  title: string;
  bankId: string;
  rules?: Partial<ContestRules>;
  phases: NewPhase[];
  organiserPhoneHashes: string[];
}

export interface NewPhase {
  startsOn: string;
  endsOn: string;
  prizes?: PrizeCounts;
}

function phaseOf(row: q.PhaseRow, rules: ContestRules): Phase {
  return {
    number: row.number, startsOn: row.starts_on, endsOn: row.ends_on,
    participantCount: row.participant_count, publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    prizes: (row.prizes as PrizeCounts | null) ?? rules.prizes,
  };
}

function stateOf(row: q.ContestRow, phases: q.PhaseRow[]): ContestState {
  const rules = withDefaults(row.rules);
  return {
    id: row.id, provinceCode: row.province_code, title: row.title, bankId: row.bank_id, rules,
    phases: phases.filter((p) => p.contest_id === row.id).map((p) => phaseOf(p, rules)),
    organiserPhoneHashes: new Set(row.organiser_phone_hashes),
  };
}

export function publicContest(state: ContestState): Contest {
  const { organiserPhoneHashes: _hidden, ...contest } = state;
  return contest;
}

/** Phases follow one another, numbered from 1, never overlapping, so a day belongs to one phase at most. */
export function checkPhases(phases: readonly NewPhase[]): void {
  phases.forEach((phase, i) => {
    if (phase.endsOn < phase.startsOn) throw new AppError('CONTEST_PHASES_INVALID', 'A phase ends before it starts', `phases[${i}].endsOn`);
    const previous = phases[i - 1];
    if (previous && phase.startsOn <= previous.endsOn) throw new AppError('CONTEST_PHASES_INVALID', 'Phases overlap', `phases[${i}].startsOn`);
  });
}

/** Checks the viewer may organise in this province: a province officer of it, or the administrator. */
export async function checkProvince(db: Database, viewer: Viewer, provinceCode: string, field = 'provinceCode'): Promise<void> {
  const unit = await getUnit(db, provinceCode, vietnamDay(), field);
  if (unit.tier !== 'province' || !(await isWithinScope(db, viewer.role === 'admin' ? null : viewer.scopeUnitCode, provinceCode))) {
    throw new AppError('UNIT_NOT_FOUND', `No province ${provinceCode} in scope`, field);
  }
}

export async function createContest(db: Database, viewer: Viewer, input: NewContest): Promise<Contest> {
  await checkProvince(db, viewer, input.provinceCode);
  return insertNewContest(db, input, viewer.id);
}

/** The demo's contest, made by nobody in particular on the first start. */
export function createDemoContest(db: Database, input: NewContest): Promise<Contest> {
  return insertNewContest(db, input, null);
}

export function phaseRow(contestId: string, provinceCode: string, number: number, phase: NewPhase) {
  return { contest_id: contestId, province_code: provinceCode, number, starts_on: phase.startsOn, ends_on: phase.endsOn, prizes: phase.prizes ? JSON.stringify(phase.prizes) : null };
}

async function insertNewContest(db: Database, input: NewContest, actorId: string | null): Promise<Contest> {
  checkPhases(input.phases);
  const bank = await getBank(db, input.bankId);
  if (bank.provinceCode !== input.provinceCode) throw new AppError('BANK_NOT_FOUND', 'The bank belongs to another province', 'bankId');
  const rules = withDefaults(input.rules);
  if (bank.questionCount < rules.questionsPerAttempt) throw new AppError('CONTEST_BANK_TOO_SMALL', `${bank.questionCount} < ${rules.questionsPerAttempt}`, 'bankId');
  const id = fastUuidV7();
  await inTransaction(db, (trx) => q.insertContest(trx, {
    id, province_code: input.provinceCode, title: input.title, bank_id: input.bankId, rules: JSON.stringify(rules),
    organiser_phone_hashes: input.organiserPhoneHashes, created_by: actorId,
  }, input.phases.map((p, i) => phaseRow(id, input.provinceCode, i + 1, p))));
  forgetContest(id);
  return publicContest(await getContestState(db, id));
}

/**
 * A contest as every start and submission reads it, kept a few seconds: thousands of starts in
 * the same minute would otherwise read the same two rows thousands of times. Publishing a phase
 * forgets it at once on this server; another server sees it within the same few seconds.
 */
const KEEP_MS = 5_000;
const kept = new Map<string, { at: number; state: Promise<ContestState | undefined> }>();

export function forgetContest(id: string): void {
  kept.delete(id);
}

async function readContestState(db: Database, id: string): Promise<ContestState | undefined> {
  const row = await q.selectContest(db, id);
  return row ? stateOf(row, await q.selectPhases(db, [id])) : undefined;
}

export async function getContestState(db: Database, id: string, now = Date.now()): Promise<ContestState> {
  let entry = kept.get(id);
  if (!entry || now - entry.at > KEEP_MS) {
    entry = { at: now, state: readContestState(db, id) };
    entry.state.catch(() => kept.delete(id));
    if (kept.size > 256) kept.clear();
    kept.set(id, entry);
  }
  const state = await entry.state;
  if (!state) {
    kept.delete(id);
    throw new AppError('CONTEST_NOT_FOUND', undefined, 'id');
  }
  return state;
}

/** The phase open on a Vietnam local day, if any. */
export function phaseOn(contest: Contest, day: string): Phase | undefined {
  return contest.phases.find((p) => p.startsOn <= day && day <= p.endsOn);
}

export function getPhase(contest: Contest, number: number, field = 'phase'): Phase {
  const phase = contest.phases.find((p) => p.number === number);
  if (!phase) throw new AppError('PHASE_NOT_FOUND', `No phase ${number}`, field);
  return phase;
}

/** Contests open today or coming, with their phases: what the public page lists. */
export async function listCurrentContests(db: Database, day = vietnamDay()): Promise<Contest[]> {
  const rows = await q.selectCurrentContests(db, day);
  const phases = await q.selectPhases(db, rows.map((r) => r.id));
  return rows.map((row) => publicContest(stateOf(row, phases)));
}

export async function listPublishedContests(db: Database): Promise<Contest[]> {
  const rows = await q.selectPublishedContests(db);
  const phases = await q.selectPhases(db, rows.map((r) => r.id));
  return rows.map((row) => publicContest(stateOf(row, phases)));
}

/** A contest as its organisers see it: how many organisers' phones are on record (never the phones). */
export interface ManagedContest extends Contest {
  organiserCount: number;
}

export function managedContest(state: ContestState): ManagedContest {
  return { ...publicContest(state), organiserCount: state.organiserPhoneHashes.size };
}

export async function listContestsOfProvince(db: Database, viewer: Viewer, provinceCode: string): Promise<ManagedContest[]> {
  await checkProvince(db, viewer, provinceCode);
  const rows = await q.selectContestsOfProvince(db, provinceCode);
  const phases = await q.selectPhases(db, rows.map((r) => r.id));
  return rows.map((row) => managedContest(stateOf(row, phases)));
}

/** A contest an officer manages: one of their province, else answered as missing. */
export async function getManagedContest(db: Database, viewer: Viewer, id: string): Promise<ContestState> {
  const contest = await getContestState(db, id);
  const inScope = viewer.role === 'admin' || (await isWithinScope(db, viewer.scopeUnitCode, contest.provinceCode));
  if (!inScope || !['admin', 'province_officer'].includes(viewer.role)) throw new AppError('CONTEST_NOT_FOUND', undefined, 'id');
  return contest;
}

/** The day after a phase's last day: from then on its results may be published. */
export function phaseEnded(phase: Phase, day = vietnamDay()): boolean {
  return day >= addDays(phase.endsOn, 1);
}

export async function markPublished(db: Database, contestId: string, number: number, participantCount: number): Promise<void> {
  await q.markPhasePublished(db, contestId, number, participantCount);
  forgetContest(contestId);
}

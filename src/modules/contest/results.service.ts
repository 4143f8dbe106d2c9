import type { Database } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { statisticsOfUnits } from '../units/units.public.js';
import { childSubtrees, getUnitsAt } from '../units/units.service.js';
import { getPhase, markPublished, phaseEnded, type ContestState } from './contests.service.js';
import { participantNames } from './participants.service.js';
import * as q from './ranking.queries.js';
import { pickWinners, placeAmong, unitStandings, type RankedEntry, type UnitStanding, type Winner } from './ranking.js';

export interface PhaseRanking {
  phase: number;
  /** The real number of participants: frozen at publication, counted live before. */
  participantCount: number;
  entries: RankedEntry[];
}

/**
 * A phase's whole ranking, kept a few seconds: a leaderboard open on thousands of phones asks
 * for the same thing over and over, and a few seconds late is still right for a leaderboard.
 */
const KEEP_MS = 10_000;
const kept = new Map<string, { at: number; ranking: Promise<PhaseRanking> }>();

async function readRanking(db: Database, contest: ContestState, phaseNumber: number): Promise<PhaseRanking> {
  const phase = getPhase(contest, phaseNumber);
  const participantCount = phase.participantCount ?? (await q.countPhaseParticipants(db, contest.id, phaseNumber));
  const rows = await q.selectPhaseRanking(db, contest.id, phaseNumber, participantCount);
  return {
    phase: phaseNumber,
    participantCount,
    entries: rows.map(entryOf),
  };
}

const entryOf = (r: q.RankedRow): RankedEntry => ({
  participantId: r.participant_id, unitCode: r.unit_code, score: r.score, correct: r.correct,
  prediction: r.prediction, durationMs: r.duration_ms, startedAt: new Date(r.started_at),
});

export async function phaseRanking(db: Database, contest: ContestState, phaseNumber: number, fresh = false): Promise<PhaseRanking> {
  getPhase(contest, phaseNumber);
  const key = `${contest.id}|${phaseNumber}`;
  let entry = kept.get(key);
  if (fresh || !entry || Date.now() - entry.at > KEEP_MS) {
    entry = { at: Date.now(), ranking: readRanking(db, contest, phaseNumber) };
    entry.ranking.catch(() => kept.delete(key));
    if (kept.size > 256) kept.clear();
    kept.set(key, entry);
  }
  return entry.ranking;
}

/** A name as the public leaderboard shows it: family name and initials, enough for a person to find themself. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 1) return parts[0] ?? '';
  const last = parts[parts.length - 1]!;
  return [parts[0], ...parts.slice(1, -1).map((p) => `${p[0]}.`), last].join(' ');
}

export interface LeaderboardItem {
  rank: number;
  name: string;
  unitName: string;
  score: number;
  correct: number;
  prediction: number;
  durationMs: number;
}

/**
 * Units by the names people read: a village with its commune's name after it, since villages of
 * different communes share names ("Thôn 1", "Tổ dân phố 1") and a leaderboard of them alone
 * would not say whose they are.
 */
async function unitNames(db: Database, codes: readonly string[]): Promise<Map<string, string>> {
  const units = await getUnitsAt(db, [...new Set(codes)]);
  const communeCodes = new Set(units.flatMap((u) => (u.tier === 'village' && u.parentCode ? [u.parentCode] : [])));
  const communes = new Map((await getUnitsAt(db, [...communeCodes])).map((u) => [u.code, u.name]));
  return new Map(units.map((u) => {
    const commune = u.tier === 'village' && u.parentCode ? communes.get(u.parentCode) : undefined;
    return [u.code, commune ? `${u.name}, ${commune}` : u.name];
  }));
}

/** The top of a phase, and where the asking participant stands if they took part. */
export async function leaderboard(db: Database, contest: ContestState, phaseNumber: number, limit: number, participantId?: string) {
  const ranking = await phaseRanking(db, contest, phaseNumber);
  const top = ranking.entries.slice(0, limit);
  const { place, entry, participantCount } = await placeOf(db, contest, ranking, participantId);
  const shown = entry ? [...top, entry] : top;
  const names = await participantNames(db, shown.map((e) => e.participantId));
  const units = await unitNames(db, shown.map((e) => e.unitCode));
  const itemOf = (entry: RankedEntry, index: number): LeaderboardItem => ({
    rank: index + 1, name: maskName(names.get(entry.participantId)?.fullName ?? ''), unitName: units.get(entry.unitCode) ?? entry.unitCode,
    score: entry.score, correct: entry.correct, prediction: entry.prediction, durationMs: entry.durationMs,
  });
  return {
    phase: phaseNumber,
    participantCount,
    published: getPhase(contest, phaseNumber).publishedAt !== null,
    items: top.map(itemOf),
    me: entry ? itemOf(entry, place) : null,
  };
}

/**
 * The asking participant's place. The ranking is kept a few seconds, and a participant reads the
 * leaderboard right after submitting: a ranking read before that submission would leave them
 * out ("your place" missing, the count one short). Then their best attempt is read alone and set
 * among the kept entries, the others as they stood a few seconds ago.
 */
async function placeOf(db: Database, contest: ContestState, ranking: PhaseRanking, participantId: string | undefined) {
  const { participantCount } = ranking;
  if (!participantId) return { place: -1, entry: undefined, participantCount };
  const kept = ranking.entries.findIndex((e) => e.participantId === participantId);
  if (kept >= 0) return { place: kept, entry: ranking.entries[kept], participantCount };
  const row = await q.selectBestAttemptOf(db, contest.id, ranking.phase, participantId, participantCount);
  if (!row) return { place: -1, entry: undefined, participantCount };
  const entry = entryOf(row);
  // A published phase's count is frozen; a live one did not count this participant yet.
  const frozen = getPhase(contest, ranking.phase).participantCount !== null;
  return { place: placeAmong(ranking.entries, entry, participantCount), entry, participantCount: frozen ? participantCount : participantCount + 1 };
}

/**
 * The winners of every phase up to `upTo`, in phase order, so one prize per person across
 * phases passes over those who won earlier.
 */
export async function winnersUpTo(db: Database, contest: ContestState, upTo: number): Promise<Map<number, Winner[]>> {
  const byPhase = new Map<number, Winner[]>();
  const won = new Set<string>();
  for (const phase of contest.phases.filter((p) => p.number <= upTo)) {
    const winners = pickWinners((await phaseRanking(db, contest, phase.number)).entries, phase.prizes, won, contest.rules.onePrizePerPerson);
    for (const w of winners) won.add(w.participantId);
    byPhase.set(phase.number, winners);
  }
  return byPhase;
}

export interface NamedWinner extends Winner {
  fullName: string;
  unitName: string;
  score: number;
  durationMs: number;
}

async function namedWinners(db: Database, contest: ContestState, winners: Winner[], phase: number): Promise<NamedWinner[]> {
  const ranking = await phaseRanking(db, contest, phase);
  const names = await participantNames(db, winners.map((w) => w.participantId));
  const units = await unitNames(db, winners.map((w) => w.unitCode));
  return winners.map((w) => {
    const entry = ranking.entries[w.rank - 1]!;
    return { ...w, fullName: names.get(w.participantId)?.fullName ?? '', unitName: units.get(w.unitCode) ?? w.unitCode, score: entry.score, durationMs: entry.durationMs };
  });
}

export async function phaseWinners(db: Database, contest: ContestState, phase: number): Promise<NamedWinner[]> {
  getPhase(contest, phase);
  return namedWinners(db, contest, (await winnersUpTo(db, contest, phase)).get(phase) ?? [], phase);
}

/**
 * Per commune-level unit: participants (of a phase, or of the whole contest), eligible people
 * (the rules' statistic, from the units module), participation rate and the unit prize score
 * with the individual prizes of that phase (or of all phases).
 */
export async function unitResults(db: Database, contest: ContestState, phase: number | null, day = vietnamDay()): Promise<(UnitStanding & { unitName: string })[]> {
  if (phase !== null) getPhase(contest, phase);
  const subtrees = await childSubtrees(db, contest.provinceCode, day);
  const communeOf = new Map<string, string>();
  for (const [child, codes] of subtrees) for (const code of codes) communeOf.set(code, child);
  const participants = new Map<string, number>();
  for (const row of await q.selectEntrantsByUnit(db, contest.id, phase)) {
    const commune = communeOf.get(row.unit_code);
    if (commune) participants.set(commune, (participants.get(commune) ?? 0) + row.n);
  }
  const codes = [...subtrees.keys()];
  const statistics = await statisticsOfUnits(db, contest.provinceCode, day, codes);
  const lastPhase = phase ?? Math.max(0, ...contest.phases.map((p) => p.number));
  const winners = [...(await winnersUpTo(db, contest, lastPhase))]
    .filter(([number]) => phase === null || number === phase)
    .flatMap(([, list]) => list)
    .map((w) => ({ unitCode: communeOf.get(w.unitCode) ?? w.unitCode, prize: w.prize }));
  const standings = unitStandings(
    codes.map((code) => ({ code, participants: participants.get(code) ?? 0, eligible: statistics.get(code)?.[contest.rules.eligibleStatistic] ?? null })),
    winners, contest.rules.prizePoints,
  );
  const names = await unitNames(db, codes);
  return standings.map((s) => ({ ...s, unitName: names.get(s.unitCode) ?? s.unitCode }));
}

/**
 * Publishes a phase once it has ended: freezes its real participant count (what predictions
 * are measured against) and writes its prizes, so the results no longer move.
 */
export async function publishPhase(db: Database, contest: ContestState, phaseNumber: number, day = vietnamDay()): Promise<NamedWinner[]> {
  const phase = getPhase(contest, phaseNumber);
  if (!phaseEnded(phase, day)) throw new AppError('PHASE_NOT_ENDED', undefined, 'phase');
  const ranking = await phaseRanking(db, contest, phaseNumber, true);
  const winners = (await winnersUpTo(db, contest, phaseNumber)).get(phaseNumber) ?? [];
  await inTransaction(db, async (trx) => {
    await q.replacePrizes(trx, contest, phaseNumber, winners.map((w) => ({ participant_id: w.participantId, rank: w.rank, prize: w.prize })));
    await markPublished(trx, contest.id, phaseNumber, ranking.participantCount);
  });
  kept.delete(`${contest.id}|${phaseNumber}`);
  return namedWinners(db, contest, winners, phaseNumber);
}

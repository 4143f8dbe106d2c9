import type { ContestRules } from './contest-rules.js';

/** One participant's counted attempt, as the tie-breaks see it. */
export interface RankedEntry {
  participantId: string;
  unitCode: string;
  score: number;
  correct: number;
  prediction: number;
  durationMs: number;
  startedAt: Date;
}

/**
 * Where `entry` stands among `ranked` (already in ranking order, against `realCount`
 * participants): its 0-based place after every entry that ranks before it or level with it.
 * Level entries differ only by attempt id in the database's order; placed after them, the
 * place is never better than the one a full ranking would give.
 */
export function placeAmong(ranked: readonly RankedEntry[], entry: RankedEntry, realCount: number): number {
  const key = (e: RankedEntry) => [-e.score, Math.abs(e.prediction - realCount), e.durationMs, e.startedAt.getTime()];
  const mine = key(entry);
  const before = (other: RankedEntry) => {
    const theirs = key(other);
    for (let i = 0; i < mine.length; i++) if (theirs[i] !== mine[i]) return theirs[i]! < mine[i]!;
    return true;
  };
  let place = 0;
  while (place < ranked.length && before(ranked[place]!)) place++;
  return place;
}

export type PrizeLevel = 1 | 2 | 3;

export interface Winner {
  participantId: string;
  unitCode: string;
  rank: number;
  prize: PrizeLevel;
}

/**
 * The winners of a phase from its ranking: the first `prizes.first` get a first prize, the next
 * `prizes.second` a second, then third. With one prize per person across phases, someone who
 * already won in an earlier phase is passed over and the prize goes to the next in rank.
 */
export function pickWinners(ranking: readonly RankedEntry[], prizes: ContestRules['prizes'], alreadyWon: ReadonlySet<string>, onePrizePerPerson: boolean): Winner[] {
  const slots: PrizeLevel[] = [
    ...Array<PrizeLevel>(prizes.first).fill(1), ...Array<PrizeLevel>(prizes.second).fill(2), ...Array<PrizeLevel>(prizes.third).fill(3),
  ];
  const winners: Winner[] = [];
  ranking.forEach((entry, index) => {
    if (winners.length >= slots.length) return;
    if (onePrizePerPerson && alreadyWon.has(entry.participantId)) return;
    winners.push({ participantId: entry.participantId, unitCode: entry.unitCode, rank: index + 1, prize: slots[winners.length]! });
  });
  return winners;
}

export interface UnitStanding {
  unitCode: string;
  participants: number;
  eligible: number | null;
  /** Participants ÷ eligible people, in percent (70% makes 70 points). */
  participationPercent: number | null;
  prizes: { first: number; second: number; third: number };
  /** Participation percent + the points of the individual prizes its people won. */
  prizeScore: number;
}

/**
 * The unit prize score: participation rate in percent plus 10/8/6 points (by default) for each
 * 1st/2nd/3rd individual prize won by its people. Units are ranked by that score.
 */
export function unitStandings(
  units: readonly { code: string; participants: number; eligible: number | null }[],
  winners: readonly { unitCode: string; prize: PrizeLevel }[],
  points: ContestRules['prizePoints'],
): UnitStanding[] {
  const standings = units.map((unit): UnitStanding => {
    const won = winners.filter((w) => w.unitCode === unit.code);
    const prizes = { first: won.filter((w) => w.prize === 1).length, second: won.filter((w) => w.prize === 2).length, third: won.filter((w) => w.prize === 3).length };
    const participationPercent = unit.eligible ? Math.round((unit.participants / unit.eligible) * 10_000) / 100 : null;
    const prizeScore = Math.round(((participationPercent ?? 0) + prizes.first * points.first + prizes.second * points.second + prizes.third * points.third) * 100) / 100;
    return { unitCode: unit.code, participants: unit.participants, eligible: unit.eligible, participationPercent, prizes, prizeScore };
  });
  return standings.sort((a, b) => b.prizeScore - a.prizeScore || b.participants - a.participants || (a.unitCode < b.unitCode ? -1 : 1));
}

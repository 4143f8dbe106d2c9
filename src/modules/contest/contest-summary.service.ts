import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { countPhaseParticipants } from './ranking.queries.js';
import { countParticipantsOn } from './contests.queries.js';
import { listContestsOfProvince, phaseOn, type ManagedContest, type Phase } from './contests.service.js';

export interface ContestSummary {
  contestId: string;
  title: string;
  /** The phase open today, else null. */
  phase: Pick<Phase, 'number' | 'startsOn' | 'endsOn'> | null;
  participantsToday: number;
  participantsThisPhase: number;
  /** The last phase whose results are published, for the link to them. */
  lastPublishedPhase: number | null;
}

/** The contest that matters today: one with a phase open, else the next to open, else the latest. */
function currentContest(contests: ManagedContest[], day: string): ManagedContest | undefined {
  return contests.find((c) => phaseOn(c, day))
    ?? contests.find((c) => c.phases.some((p) => p.startsOn > day))
    ?? contests[0];
}

/** The officers' dashboard tile: who took part today and in the open phase. */
export async function contestSummary(db: Database, viewer: Viewer, provinceCode: string, day = vietnamDay()): Promise<ContestSummary | null> {
  const contest = currentContest(await listContestsOfProvince(db, viewer, provinceCode), day);
  if (!contest) return null;
  const phase = phaseOn(contest, day) ?? null;
  const published = contest.phases.filter((p) => p.publishedAt).map((p) => p.number);
  return {
    contestId: contest.id, title: contest.title,
    phase: phase && { number: phase.number, startsOn: phase.startsOn, endsOn: phase.endsOn },
    participantsToday: phase ? await countParticipantsOn(db, contest.id, phase.number, day) : 0,
    participantsThisPhase: phase ? await countPhaseParticipants(db, contest.id, phase.number) : 0,
    lastPublishedPhase: published.length > 0 ? Math.max(...published) : null,
  };
}

import type { Database } from './db/database.js';
import { CONTEST_ROLLUP_SOURCES, recountContestRollups } from './modules/contest/contest-rollups.js';
import { COMMUNICATION_SOURCES, recountCommunicationRollups } from './modules/events/materials.service.js';
import { EVENTS_ROLLUP_SOURCES, recountEventRollups } from './modules/events/events-rollups.js';
import { LEARNING_ROLLUP_SOURCES, recountLearningRollups } from './modules/learning/enrolments.service.js';
import { OUTREACH_ROLLUP_SOURCES, recountOutreachRollups } from './modules/outreach/outreach-rollups.js';
import { PEOPLE_ROLLUP_SOURCES, recountPeopleRollups } from './modules/people/people-feed.js';
import { recountRollupSources, type RollupSource } from './modules/rollups/rollup-rebuild.js';

/**
 * Every source the rollups hold, named here rather than in the rollups module: the modules that
 * count facts call the rollups, so the rollups cannot import them back without a cycle. A module
 * that adds counts adds itself here.
 */
export const ROLLUP_SOURCES: readonly RollupSource[] = [
  { ...PEOPLE_ROLLUP_SOURCES, recount: recountPeopleRollups },
  { ...OUTREACH_ROLLUP_SOURCES, recount: recountOutreachRollups },
  { ...CONTEST_ROLLUP_SOURCES, recount: recountContestRollups },
  { ...LEARNING_ROLLUP_SOURCES, recount: recountLearningRollups },
  { ...EVENTS_ROLLUP_SOURCES, recount: recountEventRollups },
  { ...COMMUNICATION_SOURCES, recount: recountCommunicationRollups },
];

/** Recomputes every count whose source name starts with `prefix` ('' for all) from the facts. */
export function recountRollups(trx: Database, prefix = ''): Promise<{ sources: number; counts: number }> {
  return recountRollupSources(trx, ROLLUP_SOURCES, prefix);
}

import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { fastUuidV7 } from '../lib/fast-uuid.js';
import { listSkillCodes } from '../modules/learning/learning.service.js';
import { applySyncBatch, type SyncItemInput } from '../modules/outreach/sync.service.js';
import type { CommunePlan } from './province-shape.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import { scheduleFieldWork } from './field-schedule.js';
import { householdWork } from './household-work.js';

/**
 * The door-to-door work, streamed: each household's records are made from the compact schedule
 * village after village and written in chunks of about CHUNK_RESIDENTS people, never a whole
 * table in memory. A chunk reaches the server as a device's batch does: the households and
 * residents met, then the visits that helped them, all through the sync service's batch apply
 * (one transaction), which creates the new records in bulk, records the milestones each visit
 * helped with, and every count. A chunk holds a few villages whole, so each batch checks few
 * villages against the writer's scope, as a device's batch does.
 */

export const CHUNK_RESIDENTS = 12_000;

export interface FieldTally {
  households: number;
  residents: number;
  visits: number;
  milestones: number;
  chunks: number;
  /** Time spent applying the chunks' batches, summed over the workers, in milliseconds. */
  batchMs: number;
}

interface Chunk {
  households: SyncItemInput[];
  residents: SyncItemInput[];
  visits: SyncItemInput[];
  milestones: number;
}

const emptyChunk = (): Chunk => ({ households: [], residents: [], visits: [], milestones: 0 });

export interface FieldOptions {
  viewer: Viewer;
  secretKey: string;
  seed: number;
  calendar: CampaignCalendar;
  /** Chunks written at once: 1 on the embedded database (one connection), 2 on a server. */
  concurrency: number;
  onProgress?: (tally: FieldTally) => void;
}

export async function writeFieldWork(db: Database, communes: readonly CommunePlan[], options: FieldOptions): Promise<FieldTally> {
  const tally: FieldTally = { households: 0, residents: 0, visits: 0, milestones: 0, chunks: 0, batchMs: 0 };
  const context = { seed: options.seed, skills: [...(await listSkillCodes(db))].sort(), minorityShare: communes.map((c) => c.profile.minorityShare) };
  const schedule = scheduleFieldWork(communes, options.seed, options.calendar);

  const write = async (chunk: Chunk) => {
    if (chunk.households.length === 0) return;
    const started = performance.now();
    // Each record before the records and visits that name it, as a device's outbox sends them.
    const items = [...chunk.households, ...chunk.residents, ...chunk.visits];
    const { results } = await applySyncBatch(db, options.viewer, { deviceId: fastUuidV7(), items }, { secretKey: options.secretKey, lang: 'en' });
    const bad = results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`scenario: an item was not applied (${bad.status} ${bad.error?.code ?? ''} ${bad.error?.field ?? ''})`);
    tally.batchMs += performance.now() - started;
    tally.households += chunk.households.length;
    tally.residents += chunk.residents.length;
    tally.visits += chunk.visits.length;
    tally.milestones += chunk.milestones;
    tally.chunks += 1;
    options.onProgress?.(tally);
  };

  // With several workers, each takes the villages of every n-th commune.
  const workers = Math.max(1, options.concurrency);
  const worker = async (w: number) => {
    let chunk = emptyChunk();
    for (const h of schedule.order) {
      if (workers > 1 && schedule.villages[schedule.householdVillage[h]!]!.commune % workers !== w) continue;
      const work = householdWork(schedule, h, context);
      chunk.households.push(work.household);
      chunk.residents.push(...work.residents);
      chunk.visits.push(work.visit);
      chunk.milestones += work.milestones;
      if (chunk.residents.length >= CHUNK_RESIDENTS) {
        await write(chunk);
        chunk = emptyChunk();
      }
    }
    await write(chunk);
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return tally;
}

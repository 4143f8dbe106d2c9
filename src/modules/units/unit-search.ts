import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { presentUnit, type Unit } from './units.presenter.js';
import * as q from './units.queries.js';
import { getVisibleUnit, liveSubtreeCodes } from './units.service.js';

/** Lower case without accents, đ as d: "Ea Súp" is found by "ea sup" typed on any keyboard. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface FoundUnit extends Unit { parentName: string | null }

/**
 * Units in force under `rootCode` whose name holds the words typed, or whose code starts with
 * them: communes first, then villages, by name. A province holds a few thousand units, so the
 * names are read once per search and matched here, where accents can be folded on both sides.
 */
export async function searchUnits(
  db: Database, viewer: Viewer | null, rootCode: string, text: string, options: { day?: string; limit: number },
): Promise<FoundUnit[]> {
  const day = options.day ?? vietnamDay();
  await getVisibleUnit(db, viewer, rootCode, day);
  const rows = await q.findUnitsAt(db, await liveSubtreeCodes(db, rootCode, day), day);
  const names = new Map(rows.map((row) => [row.code, row.name]));
  const words = foldName(text).split(' ').filter(Boolean);
  const typed = text.trim();
  const tierOrder = { province: 0, commune: 1, village: 2 } as const;
  return rows
    .filter((row) => (row.valid_to === null || row.valid_to > day)
      && (row.code.startsWith(typed) || words.every((word) => foldName(row.name).includes(word))))
    .sort((a, b) => tierOrder[a.tier] - tierOrder[b.tier] || a.name.localeCompare(b.name, 'vi') || (a.code < b.code ? -1 : 1))
    .slice(0, options.limit)
    .map((row) => ({ ...presentUnit(row), parentName: row.parent_code ? names.get(row.parent_code) ?? null : null }));
}

import { db, readValue, writeValue } from '../../../lib/db';
import { referenceKey } from '../../../lib/reference-data';
import { assignedKey } from '../../../lib/village-view';
import { fetchMilestoneKinds, fetchSkills, pullPage } from './sync-api';
import { updateSyncStatus } from './sync-status';

/**
 * Brings the village's households and residents from the stored cursor to the end. The contract
 * answers `next: null` on the last page, so the cursor kept is the last non-null one: the next
 * pull re-reads at most one page, and writing the same records twice changes nothing.
 */
export async function pullVillage(village: string, language: string): Promise<void> {
  const cursorKey = `pull:${village}`;
  let cursor = await readValue<string>(cursorKey);
  for (;;) {
    const page = await pullPage(village, cursor, language);
    await db.transaction('rw', [db.households, db.residents, db.visited, db.kv], async () => {
      await db.households.bulkPut(page.households);
      await db.residents.bulkPut(page.residents.map((r) => ({ ...r, groups: r.groups ?? [], milestones: r.milestones ?? [] })));
      await db.visited.bulkPut(page.householdStates ?? (page.visitedHouseholds ?? []).map((householdId) => ({ householdId })));
      if (page.next) await writeValue(cursorKey, page.next);
    });
    if (page.capped) {
      await updateSyncStatus({ cappedMessage: page.message ?? 'capped' });
      return;
    }
    if (page.assignedToMe) await writeValue(assignedKey(village), page.assignedToMe);
    if (!page.next) break;
    cursor = page.next;
  }
  await updateSyncStatus({ cappedMessage: undefined });
}

/** Milestone kinds and skills in the screen's language; the built-in defaults stand in until then. */
export async function pullReferenceData(language: string): Promise<void> {
  const [kinds, skills] = await Promise.all([fetchMilestoneKinds(language), fetchSkills(language)]);
  const bySort = (a: { sort: number }, b: { sort: number }) => a.sort - b.sort;
  await writeValue(referenceKey(language), { milestoneKinds: [...kinds.items].sort(bySort), skills: [...skills.items].sort(bySort) });
}

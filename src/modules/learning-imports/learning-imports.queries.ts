import type { Database } from '../../db/database.js';

/** Which of these row fingerprints were applied by an earlier import. */
export async function selectAppliedFingerprints(db: Database, fingerprints: readonly string[]): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const rows = await db.selectFrom('learning_import_facts').select('fingerprint').where('fingerprint', 'in', fingerprints).execute();
  return new Set(rows.map((r) => r.fingerprint));
}

export async function insertFingerprints(db: Database, fingerprints: readonly string[]): Promise<void> {
  if (fingerprints.length === 0) return;
  await db.insertInto('learning_import_facts').values(fingerprints.map((fingerprint) => ({ fingerprint }))).onConflict((oc) => oc.doNothing()).execute();
}

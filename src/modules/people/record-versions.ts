import type { Database } from '../../db/database.js';
import * as q from './people.queries.js';
import { householdData, residentData } from './people.service.js';

/** A household or resident as it stands now, in the shape a conflict keeps its losing version. */
export interface CurrentVersion {
  revision: number;
  /** The fields an edit can change; a national ID number only as its last 4 digits. */
  data: Record<string, unknown>;
  recordedAt: string;
  updatedBy: string | null;
  status: string;
}

/** The current versions of the records named, by id; a record that does not exist is absent. */
export async function currentVersions(
  db: Database,
  refs: readonly { kind: 'household' | 'resident'; id: string }[],
): Promise<Map<string, CurrentVersion>> {
  const ids = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const [households, residents] = await Promise.all([q.selectHouseholdsByIds(db, ids('household')), q.selectResidentsByIds(db, ids('resident'))]);
  const versions = new Map<string, CurrentVersion>();
  const stamp = (row: { revision: number; last_recorded_at: Date; updated_by: string | null; status: string }) => ({
    revision: row.revision, recordedAt: row.last_recorded_at.toISOString(), updatedBy: row.updated_by, status: row.status,
  });
  for (const row of households) versions.set(row.id, { ...stamp(row), data: householdData(row) });
  for (const row of residents) versions.set(row.id, { ...stamp(row), data: residentData(row) });
  return versions;
}

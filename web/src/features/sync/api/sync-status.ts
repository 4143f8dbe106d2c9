import { readValue, writeValue } from '../../../lib/db';

/** What the sync bar shows, kept in IndexedDB so every tab and the next start see the same. */
export interface SyncStatus {
  running?: boolean;
  lastSyncedAt?: string;
  /** How many records the last successful sync sent. */
  lastSent?: number;
  /** The last failure of a whole cycle (no network, server down, session ended). */
  error?: { code: string; message: string };
  /** The pull stopped at the device's cap; the server's explanation. */
  cappedMessage?: string;
  /** The scope is a commune or wider: the worker picks a village first. */
  needsVillage?: boolean;
  nextTryAt?: number;
  lastPullAt?: number;
}

const KEY = 'sync-status';

export const readSyncStatus = async () => (await readValue<SyncStatus>(KEY)) ?? {};

export async function updateSyncStatus(patch: Partial<SyncStatus>): Promise<void> {
  await writeValue(KEY, { ...(await readSyncStatus()), ...patch });
}

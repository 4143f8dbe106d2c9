import { v7 as uuidv7 } from 'uuid';
import type { App } from '../app.js';
import type { TestUser } from './login.js';

/** What the field app sends: one write of a household, resident, visit or milestone. */
export interface SyncItem {
  id: string;
  kind: 'household' | 'resident' | 'visit' | 'milestone';
  data: Record<string, unknown>;
  recordedAt: string;
}

export interface SyncResultBody {
  results: { id: string; status: string; error?: { code: string; message: string; field?: string } }[];
  serverTime: string;
}

const at = (recordedAt?: string) => recordedAt ?? new Date().toISOString();

/** Builders of sync items, each with a fresh UUIDv7 item id. */
export const items = {
  household(data: { id?: string; villageCode: string; label?: string; [key: string]: unknown }, recordedAt?: string): SyncItem {
    return { id: uuidv7(), kind: 'household', recordedAt: at(recordedAt), data: { id: uuidv7(), label: 'Hộ ông Y Bhăm', ...data } };
  },
  resident(data: { id?: string; householdId: string; [key: string]: unknown }, recordedAt?: string): SyncItem {
    return { id: uuidv7(), kind: 'resident', recordedAt: at(recordedAt), data: { id: uuidv7(), fullName: 'H Lan Niê', groups: ['adult'], ...data } };
  },
  visit(data: { householdId: string; [key: string]: unknown }, recordedAt?: string): SyncItem {
    return { id: uuidv7(), kind: 'visit', recordedAt: at(recordedAt), data: { visitedAt: at(recordedAt), outcome: 'guided', ...data } };
  },
  milestone(data: { residentId: string; kind: string; achievedOn: string; [key: string]: unknown }, recordedAt?: string): SyncItem {
    return { id: uuidv7(), kind: 'milestone', recordedAt: at(recordedAt), data };
  },
};

/** A device of a signed-in user: pushes batches and pulls its village through the real routes. */
export function deviceOf(app: App, user: TestUser, deviceId = uuidv7()) {
  return {
    deviceId,
    push(batch: SyncItem[]) {
      return app.inject({ method: 'POST', url: '/api/sync', headers: user.headers, payload: { deviceId, items: batch } });
    },
    async pushOk(batch: SyncItem[]): Promise<SyncResultBody> {
      const response = await this.push(batch);
      if (response.statusCode !== 200) throw new Error(`sync answered ${response.statusCode}: ${response.body}`);
      return response.json<SyncResultBody>();
    },
    pull(village: string, query = '') {
      return app.inject({ method: 'GET', url: `/api/sync/pull?village=${village}${query}`, headers: user.headers });
    },
  };
}

export type Device = ReturnType<typeof deviceOf>;

/** Statuses of a sync answer, in order. */
export const statuses = (body: SyncResultBody) => body.results.map((r) => r.status);

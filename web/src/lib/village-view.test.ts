import { describe, expect, it } from 'vitest';
import type { OutboxItem } from './db';
import { buildVillageView } from './village-view';

const V = 'v1';
const kinds = ['vneid_activated', 'provincial_app'];
const outbox = (id: string, kind: OutboxItem['kind'], data: Record<string, unknown>, state: OutboxItem['state'] = 'pending'): OutboxItem =>
  ({ id, kind, data, state, recordedAt: '2026-01-01T08:00:00+07:00', userId: 'u', villageCode: V, attempts: 0 });

describe('buildVillageView', () => {
  const pulled = {
    villageCode: V,
    households: [{ id: 'h1', villageCode: V, label: 'Hộ 1' }, { id: 'other', villageCode: 'v2', label: 'Elsewhere' }],
    residents: [{ id: 'r1', householdId: 'h1', fullName: 'A', groups: [], milestones: ['vneid_activated'] }],
    visited: [],
    milestoneKinds: kinds,
  };

  it('shows the pulled village with what each person still lacks, and only that village', () => {
    const view = buildVillageView({ ...pulled, outbox: [] });
    expect(view.households.map((h) => h.id)).toEqual(['h1']);
    expect(view.households[0]!.residents[0]!.lacking).toEqual(['provincial_app']);
    expect(view.visitedCount).toBe(0);
  });

  it('lays unsent writes over the copy: new household and person at once, visit counted, milestone added', () => {
    const view = buildVillageView({
      ...pulled,
      outbox: [
        outbox('1', 'household', { id: 'h2', villageCode: V, label: 'Hộ 2' }),
        outbox('2', 'resident', { id: 'r2', householdId: 'h2', fullName: 'B', groups: ['adult'], nationalId: '012345678901' }),
        outbox('3', 'visit', { householdId: 'h1', outcome: 'guided', visitedAt: '2026-01-01T08:00:00+07:00', help: [{ residentId: 'r1', milestone: 'provincial_app' }] }),
      ],
    });
    const [h1, h2] = view.households;
    expect(h1!.visited).toBe(true);
    expect(h1!.residents[0]!.lacking).toEqual([]);
    expect(h2!.pending).toBe(true);
    expect(h2!.residents[0]).toMatchObject({ fullName: 'B', nationalIdLast4: '8901', pending: true });
    expect(JSON.stringify(view)).not.toContain('012345678901');
    expect(view.visitedCount).toBe(1);
    expect(view.counts).toEqual({ never: 1, come_back: 0, covered: 1 });
  });

  it('keeps a household tried without guidance to come back to, with its last try, until someone is guided', () => {
    const tried = buildVillageView({
      ...pulled,
      visited: [{ householdId: 'h1', status: 'come_back', lastTriedAt: '2026-01-01T01:00:00.000Z', lastOutcome: 'refused' }],
      outbox: [outbox('1', 'visit', { householdId: 'h1', outcome: 'not_home', visitedAt: '2026-01-02T08:00:00+07:00' })],
    });
    expect(tried.households[0]).toMatchObject({ coverage: 'come_back', lastTriedAt: '2026-01-02T08:00:00+07:00', lastOutcome: 'not_home' });
    expect(tried.counts).toEqual({ never: 0, come_back: 1, covered: 0 });

    const guided = buildVillageView({
      ...pulled,
      visited: [{ householdId: 'h1', status: 'come_back', lastTriedAt: '2026-01-01T01:00:00.000Z', lastOutcome: 'refused' }],
      outbox: [outbox('1', 'visit', { householdId: 'h1', outcome: 'guided', visitedAt: '2026-01-03T08:00:00+07:00' })],
    });
    expect(guided.households[0]!.coverage).toBe('covered');
    expect(guided.counts).toEqual({ never: 0, come_back: 0, covered: 1 });
  });

  it('keeps a rejected record visible with its error but does not count a rejected visit', () => {
    const error = { code: 'VISIT_HOUSEHOLD_UNKNOWN', message: 'unknown' };
    const view = buildVillageView({
      ...pulled,
      outbox: [
        outbox('1', 'household', { id: 'h3', villageCode: V, label: 'Hộ 3' }, 'rejected'),
        { ...outbox('2', 'visit', { householdId: 'h1', help: [{ residentId: 'r1', milestone: 'provincial_app' }] }, 'rejected'), error },
      ],
    });
    expect(view.households.find((h) => h.id === 'h3')).toMatchObject({ pending: false });
    expect(view.households.find((h) => h.id === 'h1')!.visited).toBe(false);
    expect(view.households.find((h) => h.id === 'h1')!.residents[0]!.lacking).toEqual(['provincial_app']);
  });

  it('lists a household marked gone but counts it in no coverage figure', () => {
    const view = buildVillageView({ ...pulled, outbox: [outbox('1', 'household', { id: 'h1', villageCode: V, label: 'Hộ 1', status: 'gone' })] });
    expect(view.households[0]).toMatchObject({ id: 'h1', status: 'gone', coverage: 'never' });
    expect(view.counts).toEqual({ never: 0, come_back: 0, covered: 0 });
  });
});

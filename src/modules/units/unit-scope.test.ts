import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../http/access.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { ScopeCache } from './unit-scope.js';

/** A batch's scope checks answer for many units at once what they answer one by one. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
});
afterAll(() => t.close());

const viewer = (scopeUnitCode: string): Viewer => ({ id: '0190c3c1-0000-7000-8000-000000000000', username: 'x', role: 'commune_officer', scopeUnitCode });
const codes = ['6600101', '6600102', '6600201', '66001', '66002', '66', '6699999', '6600101'];

describe('scope checks for many units', () => {
  it.each(['66001', '66', '6600102'])('answer what one by one answers, for a viewer of %s', async (scope) => {
    const oneByOne = new ScopeCache(t.db, viewer(scope));
    const batch = new ScopeCache(t.db, viewer(scope));
    const unique = [...new Set(codes)];
    expect(await batch.includesAll(codes)).toEqual(new Map(await Promise.all(unique.map(async (c) => [c, await oneByOne.includes(c)] as const))));
    const fresh = new ScopeCache(t.db, viewer(scope));
    expect(await fresh.villagesOf(codes)).toEqual(new Map(await Promise.all(unique.map(async (c) => [c, await oneByOne.village(c)] as const))));
    // Asked again, the batch answers from what it learned.
    expect(await fresh.villagesOf(codes.slice(0, 3))).toEqual(new Map(await Promise.all(unique.slice(0, 3).map(async (c) => [c, await oneByOne.village(c)] as const))));
  });

  it('answers every unit for the administrator', async () => {
    const scope = new ScopeCache(t.db, { ...viewer('66001'), role: 'admin' });
    expect([...(await scope.includesAll(codes)).values()].every(Boolean)).toBe(true);
    expect((await scope.villagesOf(['6600201', '66002', '6699999'])).get('66002')).toEqual({ status: 'not_village' });
  });
});

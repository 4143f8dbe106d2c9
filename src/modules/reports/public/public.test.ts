import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { PERSONAL_NAMES, seedReportProvince } from '../../../testing/report-fixtures.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { addToRollups } from '../../rollups/rollups.service.js';
import { PUBLIC_RATE_LIMIT } from './public.routes.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ seed: seedReportProvince });
});
afterAll(() => t.close());

const anonymous = (url: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress });

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, keys));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      keysOf(inner, keys);
    }
  }
  return keys;
}

describe('public progress page', () => {
  it('answers without login: the province figures, the commune ranking and the summary, cached', async () => {
    const response = await anonymous('/api/public/progress?unit=66', '127.0.0.2');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const body = response.json();
    expect(body.unit).toEqual({ code: '66', name: 'Tỉnh Thử Nghiệm', type: 'tỉnh', tier: 'province', provinceCode: '66' });
    expect(body.day).toBe(vietnamDay());
    expect(body.indicators.find((i: { code: string }) => i.code === 'adults_skills_confirmed')).toMatchObject({ numerator: 90, denominator: 600, value: 15, target: 80 });
    const adults = body.ranking.find((r: { indicatorCode: string }) => r.indicatorCode === 'adults_skills_confirmed');
    expect(adults.units).toEqual([
      { rank: 1, code: '66001', name: 'Xã Số 1', value: 30, status: expect.any(String) },
      { rank: 2, code: '66002', name: 'Xã Số 2', value: 15, status: expect.any(String) },
      { rank: 3, code: '66003', name: 'Xã Số 3', value: 0, status: expect.any(String) },
    ]);
    expect(body.summary.lead).toMatch(/^Tính đến ngày \d\d\/\d\d\/\d{4}, Tỉnh Thử Nghiệm đã hoàn thành/);
    expect(body.summary.sentences.length).toBeGreaterThan(0);

    const english = (await t.app.inject({ method: 'GET', url: '/api/public/progress?unit=66', headers: { 'accept-language': 'en' }, remoteAddress: '127.0.0.2' })).json();
    expect(english.summary.lead).toMatch(/^As of /);

    // Served from memory for a minute: a new figure shows only once the entry expires.
    await addToRollups(t.db, [{ source: 'milestone:skills_confirmed', unitCode: '6600301', day: vietnamDay(), provinceCode: '66', delta: 50 }]);
    expect((await anonymous('/api/public/progress?unit=66', '127.0.0.2')).json()).toEqual(body);
  });

  it('carries no personal data', async () => {
    for (const unit of ['66', '66001']) {
      const response = await anonymous(`/api/public/progress?unit=${unit}`, '127.0.0.3');
      expect(response.statusCode).toBe(200);
      for (const name of PERSONAL_NAMES) expect(response.body).not.toContain(name);
      const keys = keysOf(response.json());
      for (const key of ['fullName', 'username', 'displayName', 'phone', 'nationalId', 'members', 'userId', 'reportedBy', 'description', 'assigneeUserId', 'email']) {
        expect(keys.has(key), key).toBe(false);
      }
    }
  });

  it('shows a commune with the ranking of its province', async () => {
    const body = (await anonymous('/api/public/progress?unit=66002', '127.0.0.4')).json();
    expect(body.unit).toMatchObject({ code: '66002', tier: 'commune', provinceCode: '66' });
    expect(body.ranking[0].units.map((u: { code: string }) => u.code).sort()).toEqual(['66001', '66002', '66003']);
  });

  it('answers 404 for villages and unknown units', async () => {
    for (const unit of ['6600101', '99999']) {
      const response = await anonymous(`/api/public/progress?unit=${unit}`, '127.0.0.5');
      expect(response.statusCode, unit).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unit' });
    }
  });

  it('lists the provinces to start from, without login and cached', async () => {
    const response = await anonymous('/api/public/provinces', '127.0.0.6');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.json()).toEqual({ items: [{ code: '66', name: 'Tỉnh Thử Nghiệm' }] });
  });

  it('answers the public page in one request: the provinces and the figures of the asked unit, or of the only province', async () => {
    const progress = (await anonymous('/api/public/progress?unit=66002', '127.0.0.7')).json();
    const page = await anonymous('/api/public/page?unit=66002', '127.0.0.7');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    expect(page.json()).toEqual({ provinces: [{ code: '66', name: 'Tỉnh Thử Nghiệm' }], progress });

    // No unit in the address: the province is the only one, so its figures come along.
    const bare = (await anonymous('/api/public/page', '127.0.0.7')).json();
    expect(bare.progress.unit.code).toBe('66');
    const english = (await t.app.inject({ method: 'GET', url: '/api/public/page', headers: { 'accept-language': 'en' }, remoteAddress: '127.0.0.7' })).json();
    expect(english.progress.summary.lead).toMatch(/^As of /);

    const refusals = [['/api/public/page?unit=99999', 404, 'UNIT_NOT_FOUND', 'unit'], ['/api/public/page?unit=66%20001', 400, 'VALIDATION_FAILED', 'querystring.unit']] as const;
    for (const [url, status, code, field] of refusals) {
      const refused = await anonymous(url, '127.0.0.7');
      expect(refused.statusCode, url).toBe(status);
      expect(refused.json().error, url).toMatchObject({ code, field });
    }
  });

  it('is rate-limited per client address', async () => {
    for (let i = 0; i < PUBLIC_RATE_LIMIT; i += 1) {
      expect((await anonymous('/api/public/progress?unit=66', '127.0.0.9')).statusCode).toBe(200);
    }
    const limited = await anonymous('/api/public/progress?unit=66', '127.0.0.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await anonymous('/api/public/progress?unit=66', '127.0.0.10')).statusCode).toBe(200);
  });
});

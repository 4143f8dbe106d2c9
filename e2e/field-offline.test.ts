import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const HOUSEHOLDS = 3;

const journey = demoJourney();

interface Coverage {
  households: number;
  householdsVisited: number;
}

const syncBar = (page: Page) => page.getByTestId('sync-bar');

/** Records a visit with one service for the first person present: three taps and save. */
async function recordVisit(page: Page, label: string): Promise<void> {
  await page.getByTestId('household-row').filter({ hasText: label }).click();
  await page.getByTestId('record-visit').click();
  await page.getByTestId('visit-person').first().locator('[data-testid^="help-"]').first().click();
  await page.getByTestId('skill-online_safety').click();
  await page.getByTestId('save-visit').click();
  await page.getByTestId('tally').waitFor();
}

test('a team member records three visits offline; after a reload and back online they reach the commune\'s coverage', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const member = await signIn(baseUrl, 'member', DEMO_PASSWORD);
  const commune = await signIn(baseUrl, 'commune', DEMO_PASSWORD);
  const village = member.user.scopeUnitCode!;
  const communeCode = commune.user.scopeUnitCode!;

  // Households the worker will find in the village list (written through the same sync API).
  const run = randomBytes(2).toString('hex');
  const labels = Array.from({ length: HOUSEHOLDS }, (_, i) => `E2E ${run} hộ ${i + 1}`);
  const items = labels.flatMap((label) => {
    const householdId = uuidv7();
    const residentId = uuidv7();
    return [
      { id: householdId, kind: 'household', data: { id: householdId, villageCode: village, label }, recordedAt: new Date().toISOString() },
      { id: residentId, kind: 'resident', data: { id: residentId, householdId, fullName: `Người ${label}`, birthYear: 1970, groups: ['adult'] }, recordedAt: new Date().toISOString() },
    ];
  });
  const seeded = await member.post<{ results: { status: string }[] }>('/api/sync', { deviceId: uuidv7(), items });
  expect(seeded.results.map((r) => r.status)).toEqual(items.map(() => 'applied'));
  const before = await commune.get<Coverage>(`/api/coverage?unit=${communeCode}`);

  const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInWithForm(page, baseUrl, 'member', DEMO_PASSWORD);

  // The village is on the phone, and the service worker has precached the app shell.
  for (const label of labels) await page.getByTestId('household-row').filter({ hasText: label }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  for (const label of labels) await recordVisit(page, label);
  await expect.poll(() => syncBar(page).getAttribute('data-pending')).toBe(String(HOUSEHOLDS));
  await expect.poll(() => page.getByTestId('tally-visits').textContent()).toBe(String(HOUSEHOLDS));

  // No network at all: the page must come from the service worker and the work from IndexedDB.
  await page.reload();
  await expect.poll(() => syncBar(page).getAttribute('data-pending'), { timeout: 15_000 }).toBe(String(HOUSEHOLDS));
  await expect(syncBar(page).textContent()).resolves.toContain(`${HOUSEHOLDS} bản ghi chờ đồng bộ`);
  await saveScreenshot(page, 'field-offline.png');

  await context.setOffline(false);
  await expect.poll(() => syncBar(page).getAttribute('data-pending'), { timeout: 60_000 }).toBe('0');
  expect(await syncBar(page).getAttribute('data-rejected')).toBe('0');
  await expect.poll(() => syncBar(page).textContent(), { timeout: 15_000 }).toContain('Đã đồng bộ');
  await saveScreenshot(page, 'field-synced.png');

  const after = await commune.get<Coverage>(`/api/coverage?unit=${communeCode}`);
  expect(after.householdsVisited - before.householdsVisited).toBe(HOUSEHOLDS);
  expect(after.households).toBe(before.households);
  await context.close();
}, 240_000);

import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
}

test('every export is a button on the dashboard: children CSV, the summary, DHIS2 for a picked period, a phase', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await signInWithForm(page, journey.baseUrl, 'province', DEMO_PASSWORD);
    await page.getByTestId('report-exports').waitFor({ timeout: 30_000 });
    await page.getByText('Các tệp khác').click();

    const csv = await downloadBy(page, () => page.getByTestId('export-children-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split('\r\n').length).toBeGreaterThan(100); // a header and the province's communes

    const summary = await downloadBy(page, () => page.getByTestId('export-summary-pdf').click());
    expect(summary.name).toMatch(/^tom-tat-.*\.pdf$/);
    expect(summary.text.startsWith('%PDF')).toBe(true);

    // A period the server refuses: its sentence stays beside the period fields.
    const dhis2 = page.getByRole('form', { name: 'Bộ giá trị DHIS2' });
    await dhis2.getByLabel('Tháng').fill('13');
    await dhis2.getByRole('button', { name: 'Tải xuống' }).click();
    await expect.poll(() => dhis2.locator('.field-error').textContent()).toMatch(/\S/);
    expect(await dhis2.getByLabel('Năm').getAttribute('aria-invalid')).toBe('true');

    await dhis2.getByLabel('Loại kỳ').selectOption('quarter');
    await dhis2.getByLabel('Năm').fill('2025');
    await dhis2.getByLabel('Quý').fill('3');
    const set = await downloadBy(page, () => dhis2.getByRole('button', { name: 'Tải xuống' }).click());
    expect(set.name).toMatch(/^dhis2-66-2025q3\.json$/i);
    expect(Array.isArray(JSON.parse(set.text).dataValues)).toBe(true);

    const phase = await downloadBy(page, () => page.getByTestId('export-phase-xlsx').click());
    expect(phase.name).toMatch(/^danh-gia-dot-.*\.xlsx$/);
    await saveScreenshot(page, 'exports.png');
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'exports-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

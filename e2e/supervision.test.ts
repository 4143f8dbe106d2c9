import fs from 'node:fs';
import type { Download } from 'playwright-core';
import { expect, test } from 'vitest';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

test('a province officer re-evaluates and acknowledges alerts, settles a sync conflict and exports the filtered access log', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await signInWithForm(page, journey.baseUrl, 'province', DEMO_PASSWORD);
    // Signed in, the app opens the officer's dashboard: a menu click before that landing is overridden by it.
    await page.getByTestId('dashboard-unit').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Giám sát' }).click();
    await page.getByRole('heading', { name: 'Cảnh báo chậm tiến độ' }).waitFor();
    await page.getByRole('button', { name: 'Đánh giá lại ngay' }).click();
    await expect.poll(() => page.getByTestId('alerts-result').textContent(), { timeout: 60_000 }).toMatch(/^Đã đánh giá lại: \d+ cảnh báo mới\.$/);
    // The demo province has communes behind their targets, so alerts exist, none seen yet on a fresh database.
    const first = page.locator('[data-testid="alert"][data-acknowledged="false"]').first();
    await first.waitFor();
    const before = await page.locator('[data-testid="alert"][data-acknowledged="true"]').count();
    await first.getByRole('button', { name: 'Đã xem' }).click();
    await expect.poll(() => page.locator('[data-testid="alert"][data-acknowledged="true"]').count()).toBe(before + 1);

    await page.getByRole('link', { name: 'Xung đột đồng bộ' }).click();
    await page.getByRole('heading', { name: 'Xung đột đồng bộ' }).waitFor();
    // The demo village's phones edited the same people: both versions side by side, then a choice.
    const conflict = page.getByTestId('conflict').first();
    await conflict.waitFor();
    const open = await page.getByTestId('conflict').count();
    expect(await conflict.locator('tr[data-differs]').count()).toBeGreaterThan(0);
    await conflict.getByRole('button', { name: 'Dùng bản bị thay thế' }).click();
    await expect.poll(() => page.getByTestId('conflicts-result').textContent()).toBe('Đã ghi lại bản bị thay thế; các máy sẽ nhận ở lần đồng bộ sau.');
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(open - 1);
    await saveScreenshot(page, 'supervision-conflicts.png');

    await page.getByRole('link', { name: 'Nhật ký truy cập' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    // Narrowed on the server: the conflict just settled, by this officer.
    await page.getByLabel('Thao tác (hoặc phần đầu').fill('sync.conflict');
    await page.getByLabel('Tên đăng nhập người thực hiện').fill('province');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-row').evaluateAll((r) => r.map((row) => row.children[1]!.textContent))).toEqual(
      expect.arrayContaining(['sync.conflict.resolve', 'sync.conflicts.read']));
    const rows = await page.getByTestId('audit-row').count();
    expect(await page.getByTestId('audit-row').evaluateAll((r) => r.every((row) => row.children[2]!.textContent === 'province'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]) as [Download, void];
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFThời điểm,Thao tác,')).toBe(true);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(rows);
    expect(lines.every((line) => /^[^,]+,sync\.conflicts?\.[a-z]+,province,/.test(line))).toBe(true);
    await saveScreenshot(page, 'supervision-audit.png');
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'supervision-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

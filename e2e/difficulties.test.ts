import type { Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { openOfficerPage, saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();
const DESCRIPTION = 'E2E: thôn cuối xã không có sóng điện thoại';

const openAs = (browser: Browser, username: string, viewport: { width: number; height: number }) =>
  openOfficerPage(browser, journey.baseUrl, username, DEMO_PASSWORD, viewport);

test('a commune officer raises a difficulty, the province finds it from the dashboard, answers and closes it', async (ctx) => {
  skipWithoutChromium(ctx);
  const communeApi = await signIn(journey.baseUrl, 'commune', DEMO_PASSWORD);
  const communeCode = communeApi.user.scopeUnitCode!;

  const commune = await openAs(journey.browser, 'commune', { width: 390, height: 844 });
  const province = await openAs(journey.browser, 'province', { width: 1280, height: 900 });
  try {
    const page = commune.page;
    await page.getByRole('link', { name: 'Khó khăn', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo khó khăn mới' }).waitFor();
    // An empty description is refused beside its field, as the API would.
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Mô tả khó khăn để tỉnh biết cần hỗ trợ gì.').waitFor();
    await page.getByLabel('Loại khó khăn').selectOption('weak_network');
    await page.getByLabel('Mô tả', { exact: true }).fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi khó khăn lên tỉnh.').waitFor();
    const mine = page.getByTestId('difficulty').filter({ hasText: DESCRIPTION });
    await expect.poll(() => mine.getByTestId('difficulty-status').textContent()).toBe('Mới báo');
    // A commune officer sees the status, not the province's controls.
    expect(await mine.getByRole('button', { name: 'Đóng' }).count()).toBe(0);

    // The province: the dashboard's count links to the list.
    const queue = province.page;
    await queue.reload();
    await queue.getByTestId('difficulties-link').click();
    await expect.poll(() => queue.evaluate(() => location.hash)).toMatch(/^#\/difficulties\//);
    await queue.getByLabel('Đơn vị', { exact: true }).selectOption(communeCode);
    await expect.poll(() => queue.evaluate(() => location.hash)).toBe(`#/difficulties/${communeCode}`);
    const item = queue.getByTestId('difficulty').filter({ hasText: DESCRIPTION });
    await item.waitFor();
    // Filtered to the commune's subtree: the commune and its villages (whose codes start with the commune's).
    expect(await queue.getByTestId('difficulty').evaluateAll((items, code) => items.every((i) => i.getAttribute('data-unit')!.startsWith(code)), communeCode)).toBe(true);
    await item.getByRole('button', { name: 'Nhận xử lý' }).click();
    await expect.poll(() => item.getByTestId('difficulty-status').textContent()).toBe('Đang xử lý');
    await item.getByRole('button', { name: 'Gửi trả lời' }).click();
    await item.getByText('Viết nội dung trả lời.').waitFor();
    await item.getByLabel('Trả lời').fill('Tỉnh đã đề nghị nhà mạng lắp trạm phát sóng trong tháng này.');
    await item.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => item.getByTestId('difficulty-status').textContent()).toBe('Đã trả lời');
    await saveScreenshot(queue, 'difficulties-province.png');

    // The commune officer sees the answer.
    await page.reload();
    await expect.poll(() => mine.getByTestId('difficulty-status').textContent(), { timeout: 15_000 }).toBe('Đã trả lời');
    await mine.getByText('Trả lời của tỉnh: Tỉnh đã đề nghị nhà mạng').waitFor();

    // Closed, it leaves the default list and shows under the "closed" filter.
    await item.getByRole('button', { name: 'Đóng' }).click();
    await item.waitFor({ state: 'detached' });
    await queue.getByLabel('Trạng thái').selectOption('closed');
    await expect.poll(() => queue.getByTestId('difficulty').filter({ hasText: DESCRIPTION }).getByTestId('difficulty-status').textContent()).toBe('Đã đóng');
    expect(await queue.getByTestId('difficulty').evaluateAll((items) => items.every((i) => i.getAttribute('data-status') === 'closed'))).toBe(true);
    await saveScreenshot(page, 'difficulties-commune.png');
    expect([...commune.errors, ...province.errors]).toEqual([]);
  } catch (error) {
    await saveScreenshot(province.page, 'difficulties-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await commune.context.close();
    await province.context.close();
  }
}, 240_000);

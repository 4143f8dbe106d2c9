import { expect, test } from 'vitest';
import { vietnamDay } from '../src/lib/vietnam-day.js';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

test('on a phone, a person with no account goes from the login screen to a score and a rank in the demo contest', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.goto(baseUrl);
    await page.getByTestId('contest-link').click();
    const form = page.getByTestId('contest-register');
    await form.waitFor();

    // A wrong phone number is answered next to the field, in Vietnamese.
    await form.getByLabel('Họ và tên').fill('Y Thị Hoa');
    await form.getByLabel('Số điện thoại').fill('12345');
    await form.locator('select[name="unitCode"]').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => form.locator('.field-error').count()).toBeGreaterThan(0);

    await form.getByLabel('Số điện thoại').fill('0905 123 456');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByTestId('contest-start').click();

    const attempt = page.getByTestId('contest-attempt');
    await attempt.waitFor();
    await expect.poll(() => page.getByTestId('contest-clock').textContent()).toMatch(/Còn lại (9|10):\d\d/);
    const questions = attempt.locator('fieldset');
    expect(await questions.count()).toBe(10);
    for (let i = 0; i < 10; i += 1) await questions.nth(i).locator('label').first().click();
    await attempt.locator('input[name="prediction"]').fill('12000');
    await saveScreenshot(page, 'contest-attempt-phone.png');
    await attempt.getByRole('button', { name: 'Nộp bài' }).click();

    const result = page.getByTestId('contest-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/\d+ điểm/);
    // The rank is in the leaderboard read right after the submission, though the server keeps the
    // phase's ranking a few seconds: sooner than the page's next read (12 s).
    await page.getByTestId('contest-my-rank').waitFor({ timeout: 10_000 });
    // The demo has people in today's phase too: the rank is among them.
    expect(await page.getByTestId('contest-my-rank').textContent()).toMatch(/Bạn đang xếp thứ \d+ trong đợt 2/);
    await saveScreenshot(page, 'contest-result-phone.png');
  } finally {
    await context.close();
  }
}, 120_000);

test('at 1280 px, the province officer sees the contest tile on the dashboard, opens the contest screens, sees a refused bank file row by row, edits the contest with errors beside the fields, and publishes an ended phase, whose results then show on the public contest page', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  try {
    await signInWithForm(page, journey.baseUrl, 'province', DEMO_PASSWORD);
    // The dashboard's contest tile: the demo's people who took part today and in the open phase.
    const tile = page.getByTestId('contest-tile');
    await tile.waitFor({ timeout: 30_000 });
    const today = (await page.getByTestId('contest-tile-today').textContent())!;
    expect(today).toMatch(/^\d[\d.]*$/);
    // The demo's people took part on the day it was built: after Vietnam's midnight that was yesterday.
    if (journey.demoBuiltOn === vietnamDay()) expect(Number(today.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await tile.textContent()).toContain('Người dự thi đợt này');
    await page.getByTestId('contest-admin-link').click();
    await page.getByTestId('phase-2').waitFor();
    const importer = page.getByTestId('bank-import');
    await importer.getByLabel('Tên ngân hàng').fill('Tệp lỗi');
    await importer.locator('select').selectOption('aiken');
    await importer.locator('input[type="file"]').setInputFiles({
      name: 'loi.txt', mimeType: 'text/plain',
      buffer: Buffer.from('Câu một?\nA. Một\nB. Hai\nANSWER: A\n\nCâu hai?\nA. Một\nB. Hai\nC. Ba\nD. Bốn\nANSWER: E\n'),
    });
    await importer.getByRole('button', { name: 'Nhập ngân hàng' }).click();
    const rows = page.getByTestId('bank-rows');
    await rows.waitFor();
    expect(await rows.locator('li').allTextContents()).toEqual([
      'Dòng 1: Câu hỏi có 2 phương án, cần đúng 4',
      'Dòng 11: Đáp án "E" không phải là A, B, C hoặc D của câu hỏi',
    ]);
    await saveScreenshot(page, 'contest-admin-1280.png');

    // Editing the demo contest: a bad organiser's phone is answered beside the list, by its line.
    await page.locator('[data-testid^="edit-contest-"]').first().click();
    const editor = page.getByTestId('contest-edit-form');
    await editor.getByTestId('phase-fields-3').getByLabel('Số giải Nhất').fill('2');
    await editor.getByLabel('Mỗi người chỉ nhận một giải trong cả cuộc thi').uncheck();
    const phones = editor.getByLabel('Số điện thoại người tổ chức (mỗi dòng một số)');
    await phones.fill('0912 345 678\n12345');
    await editor.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => editor.locator('.field-error').allTextContents()).toEqual([
      'Dòng 2 (12345): Số điện thoại của người tổ chức không phải số di động Việt Nam',
    ]);
    await phones.fill('0912 345 678');
    await editor.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await editor.getByText('Đã lưu.').waitFor();
    await editor.getByText('Đang lưu 1 số.', { exact: false }).waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await saveScreenshot(page, 'contest-edit-phone.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The demo's first phase has ended: once published, its results are on the public page.
    await page.getByTestId('phase-1').getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.getByTestId('phase-1').getByText('Đã công bố').waitFor();
    // 102 communes: the top ten first, all of them on request.
    const officerUnits = page.getByTestId('phase-1').locator('.contest-table tbody tr');
    await expect.poll(() => officerUnits.count()).toBe(10);
    await page.getByTestId('phase-1').getByTestId('units-toggle').click();
    expect(await officerUnits.count()).toBe(102);
    await page.goto(`${journey.baseUrl}/#/contest`);
    const results = page.getByTestId('contest-results-1');
    await results.waitFor();
    expect(await results.textContent()).toContain('Kết quả đợt 1');
    expect(await results.locator('ol li').count()).toBe(6);
    expect(await results.locator('tbody tr').count()).toBe(10);
    await results.getByRole('button', { name: 'Xem tất cả 102 đơn vị' }).click();
    expect(await results.locator('tbody tr').count()).toBe(102);
  } finally {
    await context.close();
  }
}, 120_000);

import { expect, test } from 'vitest';
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
    // The leaderboard is kept a few seconds on the server; the page looks again until the rank shows.
    await page.getByTestId('contest-my-rank').waitFor({ timeout: 40_000 });
    expect(await page.getByTestId('contest-my-rank').textContent()).toContain('Bạn đang xếp thứ 1');
    await saveScreenshot(page, 'contest-result-phone.png');
  } finally {
    await context.close();
  }
}, 120_000);

test('at 1280 px, the province officer opens the contest screens from the dashboard , sees a refused bank file row by row and publishes an ended phase, whose results then show on the public contest page', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  try {
    await signInWithForm(page, journey.baseUrl, 'province', DEMO_PASSWORD);
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

    // The demo's first phase has ended: once published, its results are on the public page.
    await page.getByTestId('phase-1').getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.getByTestId('phase-1').getByText('Đã công bố').waitFor();
    await page.goto(`${journey.baseUrl}/#/contest`);
    await page.getByTestId('contest-results-1').waitFor();
    expect(await page.getByTestId('contest-results-1').textContent()).toContain('Kết quả đợt 1');
  } finally {
    await context.close();
  }
}, 120_000);

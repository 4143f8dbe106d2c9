import { expect, test } from 'vitest';
import { saveScreenshot } from './support/browser.js';
import { demoJourney } from './support/demo-journey.js';

const journey = demoJourney('e2e-demo-password');

test('on a phone, a person with no account goes from the login screen to a score and a rank in the demo contest', async () => {
  const baseUrl = journey.e2e.server.url;
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

import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

test('anyone checks a certificate on a phone: the QR link shows it valid, a mistyped code says so next to the field, an unknown one is unknown', async (ctx) => {
  skipWithoutChromium(ctx);
  const commune = await signIn(journey.baseUrl, 'commune', DEMO_PASSWORD);
  const list = await commune.get<{ items: { code: string; holderName: string }[] }>(`/api/certificates?unit=${commune.user.scopeUnitCode}&limit=1`);
  const certificate = list.items[0]!;
  const context = await journey.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${journey.baseUrl}/#/check/${certificate.code.slice(0, 5)}-${certificate.code.slice(5)}`);
    const result = page.getByTestId('check-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('valid');
    await page.getByRole('heading', { name: 'Giấy chứng nhận hợp lệ' }).waitFor();
    expect(await result.textContent()).toContain(certificate.holderName);
    await saveScreenshot(page, 'certificate-check-valid.png');

    await page.getByLabel('Mã kiểm tra').fill('12');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('Mã kiểm tra gồm 10 chữ cái hoặc chữ số.').waitFor();

    await page.getByLabel('Mã kiểm tra').fill('aaaaa-aaaaa');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('unknown');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'certificate-check-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

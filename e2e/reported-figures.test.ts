import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { openOfficerPage, saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

interface Figure { code: string; value: number | null; numerator: number | null }
interface Progress { unit: { code: string; name: string }; indicators: Figure[] }

const WEEK = 'week_participants';
const CADRES = 'cadres_trained';
const row = (page: Page, indicator: string) => page.locator(`[data-testid="figure-row"][data-indicator="${indicator}"]`);
const vietnamNow = () => new Date(Date.now() + 7 * 3600_000);
const monthDay = (monthsBack: number, day: number) =>
  new Date(Date.UTC(vietnamNow().getUTCFullYear(), vietnamNow().getUTCMonth() - monthsBack, day)).toISOString().slice(0, 10);

const openAs = (browser: Browser, username: string, viewport: { width: number; height: number }) =>
  openOfficerPage(browser, journey.baseUrl, username, DEMO_PASSWORD, viewport);

test('a commune officer enters and submits figures, the province approves them, and the province tile shows them', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const province = await signIn(baseUrl, 'province', DEMO_PASSWORD);
  const communeApi = await signIn(baseUrl, 'commune', DEMO_PASSWORD);
  const provinceCode = province.user.scopeUnitCode!;
  const communeCode = communeApi.user.scopeUnitCode!;
  const before = await province.get<Progress>(`/api/progress?unit=${provinceCode}`);
  const weekBefore = before.indicators.find((i) => i.code === WEEK)!.value ?? 0;
  const stats = await communeApi.get<{ statistics: Record<string, number | null> }>(`/api/units/${communeCode}/statistics`);

  // The commune officer, on a phone.
  const commune = await openAs(journey.browser, 'commune', { width: 390, height: 844 });
  const page = commune.page;
  try {
    // The shell: who is signed in, the screens, the language switch and sign-out in the header.
    await page.getByTestId('signed-in-user').getByText('Cán bộ UBND xã').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.getByRole('navigation', { name: 'Các màn hình của cán bộ' }).getByRole('link', { name: 'Số liệu báo cáo' }).click();
    await page.getByRole('heading', { name: 'Số liệu báo cáo' }).waitFor();
    expect(await page.getByRole('link', { name: 'Số liệu báo cáo' }).getAttribute('aria-current')).toBe('page');

    // The unit's denominator beside the field.
    const cadres = stats.statistics.cadres;
    await expect.poll(() => row(page, CADRES).getByTestId('denominator').textContent())
      .toBe(cadres === null || cadres === undefined ? expect.anything() : `Mẫu số của đơn vị: cán bộ, công chức, viên chức ${new Intl.NumberFormat('vi-VN').format(cadres)}`);

    // A period that does not start a month: the server's sentence goes beside the period field.
    await page.getByLabel('Kỳ bắt đầu từ ngày').fill(monthDay(1, 15));
    await page.getByLabel('Lượt người tham gia Tuần lễ "Bình dân học vụ số"').fill('1234');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.locator('.field-error', { hasText: 'Kỳ báo cáo không hợp lệ' }).waitFor();
    expect(await page.getByLabel('Kỳ bắt đầu từ ngày').getAttribute('aria-invalid')).toBe('true');

    // Last month, which has ended (a figure counts once its period is over); a negative figure is refused before sending, beside its field.
    await page.getByLabel('Kỳ bắt đầu từ ngày').fill(monthDay(1, 1));
    await page.getByLabel('Lượt người tham gia Tuần lễ "Bình dân học vụ số"').fill('-5');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await row(page, WEEK).getByText('Nhập một số từ 0 trở lên.').waitFor();

    // Save a draft, then submit: the figure is then locked.
    await page.getByLabel('Lượt người tham gia Tuần lễ "Bình dân học vụ số"').fill('1234');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.getByTestId('figures-result').textContent()).toBe('Đã lưu nháp 1 số liệu.');
    await expect.poll(() => row(page, WEEK).getAttribute('data-status')).toBe('draft');
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => page.getByTestId('figures-result').textContent()).toBe('Đã gửi duyệt 1 số liệu.');
    await expect.poll(() => row(page, WEEK).getAttribute('data-status')).toBe('submitted');
    expect(await row(page, WEEK).locator('input').getAttribute('readonly')).not.toBeNull();
    await saveScreenshot(page, 'figures-phone.png');

    // The province officer, at 1280 px: the queue with its counts; a return needs a reason.
    const provinceSide = await openAs(journey.browser, 'province', { width: 1280, height: 900 });
    try {
      const queue = provinceSide.page;
      await queue.getByRole('link', { name: 'Chờ duyệt' }).click();
      await queue.getByRole('heading', { name: 'Số liệu chờ duyệt' }).waitFor();
      const item = queue.locator(`[data-testid="approval-item"][data-unit="${communeCode}"][data-indicator="${WEEK}"]`);
      await item.waitFor();
      expect(await queue.getByTestId('approvals-count').textContent()).toMatch(/^\d+ số liệu chờ duyệt$/);
      await item.getByRole('button', { name: 'Trả lại' }).click();
      await item.getByText('Ghi lý do trả lại để đơn vị biết cần sửa gì.').waitFor();
      await item.getByRole('button', { name: 'Duyệt' }).click();
      await expect.poll(() => queue.getByTestId('approvals-result').textContent()).toContain('Đã duyệt Lượt người tham gia Tuần lễ');
      await item.waitFor({ state: 'detached' });
      await saveScreenshot(queue, 'figures-approvals.png');

      // The province tile counts the commune's figure.
      const after = await province.get<Progress>(`/api/progress?unit=${provinceCode}`);
      const weekAfter = after.indicators.find((i) => i.code === WEEK)!.value!;
      expect(weekAfter).toBe(weekBefore + 1234);
      await queue.getByRole('link', { name: 'Bảng điều hành' }).click();
      const tile = queue.locator(`[data-testid="indicator-tile"][data-indicator="${WEEK}"] [data-testid="tile-value"]`);
      await expect.poll(() => tile.textContent(), { timeout: 15_000 }).toBe(`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(weekAfter)} lượt`);
      expect(provinceSide.errors).toEqual([]);
    } finally {
      await provinceSide.context.close();
    }

    // Back on the commune's form: approved and locked, with its history.
    await page.reload();
    await expect.poll(() => row(page, WEEK).getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
    await row(page, WEEK).getByText('🔒 Đã khóa: Đã duyệt').waitFor();
    await row(page, WEEK).getByRole('button', { name: 'Lịch sử' }).click();
    await expect.poll(() => row(page, WEEK).getByTestId('figure-history').locator('li').count()).toBe(3);
    expect(await row(page, WEEK).getByTestId('figure-history').textContent()).toMatch(/Lưu nháp.*Gửi duyệt.*Duyệt/);

    // English on request, in the same shell.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reported figures' }).waitFor();
    expect(commune.errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'figures-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await commune.context.close();
  }
}, 240_000);

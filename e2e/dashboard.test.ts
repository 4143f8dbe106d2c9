import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from 'vitest';
import { signIn, type ApiSession } from './support/api-session.js';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';
import { tableFit } from './support/table-fit.js';

/** The design's promise for an open dashboard after a sync. */
const LIVE_MS = 5000;

const journey = demoJourney();

interface Figure { code: string; name: string; value: number | null; status: string }
interface Progress { unit: { code: string; name: string }; indicators: Figure[] }
interface Children { children: { unit: { code: string; name: string }; indicators: Omit<Figure, 'name'>[] }[] }

/** A household with one resident in the member's village, and a visit that helped them to `milestone`: what a phone's sync sends. */
async function syncHelpedResident(member: ApiSession, milestone: string): Promise<void> {
  const householdId = uuidv7();
  const residentId = uuidv7();
  const visitId = uuidv7();
  const now = new Date().toISOString();
  const items = [
    { id: householdId, kind: 'household', data: { id: householdId, villageCode: member.user.scopeUnitCode, label: `E2E hộ ${householdId.slice(-6)}` }, recordedAt: now },
    { id: residentId, kind: 'resident', data: { id: residentId, householdId, fullName: 'Người E2E', birthYear: 1980, groups: ['adult'] }, recordedAt: now },
    {
      id: visitId, kind: 'visit', recordedAt: now,
      data: { householdId, visitedAt: now, peoplePresent: [residentId], help: [{ residentId, milestone }], skillsTaught: ['online_safety'], outcome: 'guided' },
    },
  ];
  const answer = await member.post<{ results: { status: string }[] }>('/api/sync', { deviceId: uuidv7(), items });
  expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
}

const tileValue = (page: Page, indicator: string) => page.locator(`[data-testid="indicator-tile"][data-indicator="${indicator}"] [data-testid="tile-value"]`);

test('a province officer lands on the dashboard, sees a sync within seconds, and opens a lagging commune', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const province = await signIn(baseUrl, 'province', DEMO_PASSWORD);
  const member = await signIn(baseUrl, 'member', DEMO_PASSWORD);
  const provinceCode = province.user.scopeUnitCode!;

  // One more visit on top of the demo's campaign (the demo village has its team; the first villages of wards share a name).
  await syncHelpedResident(member, 'digital_signature');
  await member.post('/api/difficulties', { unitCode: member.user.scopeUnitCode, category: 'weak_network', description: 'E2E: sóng yếu ở cuối thôn' });
  const progress = await province.get<Progress>(`/api/progress?unit=${provinceCode}`);
  const teamName = (await province.get<{ items: { name: string }[] }>(`/api/teams?unit=${member.user.scopeUnitCode}`)).items[0]!.name;

  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await signInWithForm(page, baseUrl, 'province', DEMO_PASSWORD);

    // Officers land on their unit's dashboard: one tile per indicator, in Vietnamese.
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 15_000 }).toBe(`#/dashboard/${provinceCode}`);
    await expect.poll(() => page.getByTestId('dashboard-unit').textContent(), { timeout: 15_000 }).toBe(progress.unit.name);
    await expect.poll(() => page.getByTestId('indicator-tile').count()).toBe(progress.indicators.length);
    await page.getByRole('heading', { name: 'Các chỉ tiêu' }).waitFor();
    const signatures = progress.indicators.find((i) => i.code === 'digital_signatures')!;
    expect(await tileValue(page, 'digital_signatures').textContent()).toBe(`${new Intl.NumberFormat('vi-VN').format(signatures.value!)} người`);
    // Status in words too, not colour alone.
    await expect.poll(() => page.locator('[data-testid="indicator-tile"] .status').first().textContent()).toMatch(/\S/);
    await page.getByTestId('trend-chart').waitFor();
    await page.getByTestId('team-leaderboard').getByText(teamName).first().waitFor();
    await page.getByTestId('difficulties').getByText('E2E: sóng yếu ở cuối thôn').waitFor();

    // Live: a sync that changes a figure shows on the open dashboard within five seconds.
    const before = signatures.value!;
    const people = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} người`;
    await syncHelpedResident(member, 'digital_signature');
    const synced = Date.now();
    await expect.poll(() => tileValue(page, 'digital_signatures').textContent(), { timeout: LIVE_MS, interval: 100 }).toBe(people(before + 1));
    expect(Date.now() - synced).toBeLessThan(LIVE_MS);
    await expect.poll(() => page.getByTestId('live-announcement').textContent()).toContain(`${people(before)} → ${people(before + 1)}`);

    // The lagging panel for a percentage indicator (targets pass down to communes): open the first commune.
    await page.locator('[data-testid="indicator-tile"][data-indicator="adults_skills_confirmed"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/dashboard/${provinceCode}/adults_skills_confirmed`);
    const lagging = page.getByTestId('lagging-unit').first();
    await lagging.waitFor();
    const children = await province.get<Children>(`/api/progress/children?unit=${provinceCode}&indicator=adults_skills_confirmed`);
    const behind = children.children.filter((c) => c.indicators[0]!.status === 'behind');
    expect(await page.getByTestId('lagging-unit').count()).toBe(Math.min(10, behind.length + children.children.filter((c) => c.indicators[0]!.status === 'at_risk').length));
    expect(await page.getByTestId('ranking-row').count()).toBe(children.children.length);
    expect(await page.getByTestId('status-grid').locator('a').count()).toBe(children.children.length);
    await saveScreenshot(page, 'dashboard.png');

    // The ranking sorts from its column headers, announced through aria-sort.
    await page.getByTestId('sort-name').click();
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    const communeCode = (await lagging.getAttribute('data-unit'))!;
    const commune = children.children.find((c) => c.unit.code === communeCode)!;
    await lagging.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/dashboard/${communeCode}/adults_skills_confirmed`);
    await expect.poll(() => page.getByTestId('dashboard-unit').textContent(), { timeout: 15_000 }).toBe(commune.unit.name);
    // Focus moves to the unit's name after a drill-down, and the breadcrumb leads back up.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dashboard-unit');
    await page.getByRole('navigation', { name: 'Vị trí trong cây đơn vị' }).getByRole('link', { name: progress.unit.name }).waitFor();
    await expect.poll(() => page.getByTestId('ranking-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const communeValue = commune.indicators[0]!.value;
    expect(await tileValue(page, 'adults_skills_confirmed').textContent()).toBe(`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(communeValue ?? 0)}%`);
    await saveScreenshot(page, 'dashboard-commune.png');

    // Door to door: the commune's households covered, to come back to and never visited, as the coverage API counts them.
    const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    const coverage = await province.get<{ households: number; householdsVisited: number; householdsToComeBack: number }>(`/api/coverage?unit=${communeCode}`);
    await expect.poll(() => page.getByTestId('coverage-households').locator('dd').textContent(), { timeout: 15_000 }).toBe(count(coverage.households));
    expect(await page.getByTestId('coverage-comeBack').locator('dd').textContent()).toBe(count(coverage.householdsToComeBack));
    expect(await page.getByTestId('coverage-never').locator('dd').textContent()).toBe(count(coverage.households - coverage.householdsVisited));
    // In a village, who still lacks a milestone, by name, for whoever leads the work there.
    await page.evaluate((hash) => { location.hash = hash; }, `#/dashboard/${member.user.scopeUnitCode}`);
    const lacking = page.getByTestId('coverage-panel').getByRole('button', { name: 'Xem danh sách' }).first();
    await lacking.click({ timeout: 15_000 });
    await page.getByTestId('coverage-names').locator('li').first().waitFor();
    await saveScreenshot(page, 'dashboard-village-coverage.png');

    // English on request; the figures come again in that language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Indicators' }).waitFor();
    expect(pageErrors).toEqual([]);
  } catch (error) {
    // What the officer saw when it failed, for the CI artifacts.
    await saveScreenshot(page, 'dashboard-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

test('the dashboard is usable on a phone: one column, nothing wider than the screen', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInWithForm(page, journey.baseUrl, 'commune', DEMO_PASSWORD);
  await page.getByTestId('indicator-tile').first().waitFor({ timeout: 15_000 });
  await page.getByTestId('ranking-table').waitFor({ timeout: 15_000 });
  // Wide tables scroll inside their own region; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'dashboard-phone.png');
  await context.close();
}, 120_000);

test('on a phone (375 px) the ranking and the team leaderboard stay inside their panels: wide columns scroll, the caption is read whole', async (ctx) => {
  skipWithoutChromium(ctx);
  const context = await journey.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await signInWithForm(page, journey.baseUrl, 'province', DEMO_PASSWORD);
    await page.getByTestId('ranking-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('team-leaderboard').waitFor({ timeout: 30_000 });
    for (const table of ['ranking-table', 'team-leaderboard']) {
      expect(await tableFit(page, table), table).toEqual({ panelOverflow: 0, hiddenColumnsReachable: true, captionOverflow: 0 });
    }
    await saveScreenshot(page, 'dashboard-tables-375.png');
  } finally {
    await context.close();
  }
}, 120_000);

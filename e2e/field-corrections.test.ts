import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from 'vitest';
import { signIn, type ApiSession } from './support/api-session.js';
import { saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

const syncBar = (page: Page) => page.getByTestId('sync-bar');
const row = (page: Page, label: string) => page.getByTestId('household-row').filter({ hasText: label });

/** A household with one person, written through the sync API as another phone would. */
async function seedHousehold(member: ApiSession, label: string, fullName: string): Promise<{ householdId: string; residentId: string }> {
  const householdId = uuidv7();
  const residentId = uuidv7();
  const now = new Date().toISOString();
  const answer = await member.post<{ results: { status: string }[] }>('/api/sync', {
    deviceId: uuidv7(),
    items: [
      { id: householdId, kind: 'household', data: { id: householdId, villageCode: member.user.scopeUnitCode, label }, recordedAt: now },
      { id: residentId, kind: 'resident', data: { id: residentId, householdId, fullName, birthYear: 1980, groups: ['adult'] }, recordedAt: now },
    ],
  });
  expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { householdId, residentId };
}

async function phone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInWithForm(page, journey.baseUrl, username, DEMO_PASSWORD);
  return { context, page };
}

const synced = async (page: Page) => {
  await expect.poll(() => syncBar(page).getAttribute('data-pending'), { timeout: 60_000 }).toBe('0');
  await expect.poll(() => syncBar(page).textContent(), { timeout: 30_000 }).toContain('Đã đồng bộ');
};

/** Opens the person's card and corrects the name on the form. */
async function correctName(page: Page, label: string, newName: string): Promise<void> {
  await row(page, label).click();
  await page.locator('details summary').filter({ hasText: /Sửa/ }).first().click();
  await page.getByTestId('edit-resident').first().click();
  const name = page.getByLabel('Họ và tên');
  await name.fill(newName);
  await page.getByTestId('save-resident').click();
  await page.getByTestId('resident-name').filter({ hasText: newName }).waitFor();
}

test('a "not home" household is on the come-back list with its last try, and leaves it after a guided visit', async (ctx) => {
  skipWithoutChromium(ctx);
  const member = await signIn(journey.baseUrl, 'member', DEMO_PASSWORD);
  const label = `E2E ${randomBytes(2).toString('hex')} vắng nhà`;
  await seedHousehold(member, label, 'Y Kông Niê');
  const { context, page } = await phone('member');
  await row(page, label).waitFor();
  expect(await row(page, label).getAttribute('data-coverage')).toBe('never');

  await row(page, label).click();
  await page.getByTestId('record-visit').click();
  await page.getByTestId('outcome-not_home').click();
  await page.getByTestId('save-visit').click();
  await page.getByTestId('tally').waitFor();
  await page.getByTestId('filter-come_back').click();
  await expect.poll(() => row(page, label).getAttribute('data-coverage')).toBe('come_back');
  await expect(row(page, label).getByTestId('last-try').textContent()).resolves.toContain('Không có nhà');
  await synced(page);
  await saveScreenshot(page, 'field-come-back.png');

  await row(page, label).click();
  await page.getByTestId('record-visit').click();
  await page.getByTestId('visit-person').first().locator('[data-testid^="help-"]').first().click();
  await page.getByTestId('save-visit').click();
  await page.getByTestId('tally').waitFor();
  await page.getByTestId('filter-come_back').click();
  await expect.poll(() => row(page, label).count()).toBe(0);
  await page.getByTestId('filter-covered').click();
  await row(page, label).waitFor();
  await synced(page);
  // The server agrees once the visit is there: the household is covered.
  const pull = await member.get<{ householdStates: { householdId: string; status: string }[]; households: { id: string; label: string }[] }>(
    `/api/sync/pull?village=${member.user.scopeUnitCode}&limit=2000`,
  );
  const id = pull.households.find((h) => h.label === label)!.id;
  expect(pull.householdStates.find((s) => s.householdId === id)?.status).toBe('covered');
  await context.close();
}, 240_000);

test('a member corrects a name offline and the leader sees it after the sync; two phones edit one person and the later sync is a conflict', async (ctx) => {
  skipWithoutChromium(ctx);
  const member = await signIn(journey.baseUrl, 'member', DEMO_PASSWORD);
  const label = `E2E ${randomBytes(2).toString('hex')} sửa tên`;
  await seedHousehold(member, label, 'Nguyen Thi Lan');
  const memberPhone = await phone('member');
  const leaderPhone = await phone('leader');
  await row(memberPhone.page, label).waitFor();
  await row(leaderPhone.page, label).waitFor();

  // The leader's phone corrects the name first, offline: its edit carries the earlier time.
  await leaderPhone.context.setOffline(true);
  await correctName(leaderPhone.page, label, 'Nguyễn Thị Lân');

  // The member corrects it offline too, later, and syncs first.
  await memberPhone.context.setOffline(true);
  await correctName(memberPhone.page, label, 'Nguyễn Thị Lan');
  await memberPhone.context.setOffline(false);
  await synced(memberPhone.page);

  // Back online, the leader's earlier edit of a revision that moved on loses: a conflict, kept for the officer.
  await leaderPhone.context.setOffline(false);
  await expect.poll(() => syncBar(leaderPhone.page).textContent(), { timeout: 60_000 }).toContain('sửa trùng');
  await saveScreenshot(leaderPhone.page, 'field-conflict.png');
  // And after the sync the leader sees the member's correction.
  await leaderPhone.page.goto(`${journey.baseUrl}/#/`);
  await row(leaderPhone.page, label).click();
  await expect.poll(() => leaderPhone.page.getByTestId('resident-name').first().textContent(), { timeout: 60_000 }).toBe('Nguyễn Thị Lan');
  // Each record says who changed it last.
  await expect(leaderPhone.page.getByTestId('changed-by').first().textContent()).resolves.toContain('Thành viên Tổ công nghệ số');

  await leaderScreen(leaderPhone, memberPhone, label);
  await memberPhone.context.close();
  await leaderPhone.context.close();
}, 300_000);

// A 2×2 PNG: the phone downscales whatever the camera gives; this one stays as small as it is.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4EWAARAwQCgAmTgUhXywv4AAAAABJRU5ErkJggg==', 'base64');

/**
 * The team leader's screen (members have none): whose phone synced, the village's come-back
 * list, a household assigned to the member that reaches the member's phone, and a difficulty
 * raised offline with a photo that reaches the server with the next sync and that the province answers.
 */
async function leaderScreen(leader: { context: BrowserContext; page: Page }, member: { context: BrowserContext; page: Page }, label: string): Promise<void> {
  const page = leader.page;
  await page.getByTestId('menu').click();
  await page.getByTestId('menu-team').click();
  const memberCard = page.getByTestId('desk-member').filter({ hasText: 'H Hoa Mlô' });
  await expect.poll(() => memberCard.getByTestId('last-sync').textContent(), { timeout: 30_000 }).toContain('Đồng bộ lần cuối');
  await expect(page.getByTestId('desk-member').filter({ hasText: 'Y Blu Niê' }).textContent()).resolves.toContain('Tổ trưởng');
  await page.getByTestId('desk-come-back').first().waitFor();

  await page.getByTestId('assign-member').selectOption({ label: 'H Hoa Mlô' });
  await page.getByTestId('assign-household').filter({ hasText: label }).locator('input').check();
  await page.getByTestId('assign-submit').click();
  await page.getByTestId('assign-done').waitFor();
  await saveScreenshot(page, 'field-team-leader.png');

  await leader.context.setOffline(true);
  await page.getByTestId('raise-difficulty').click();
  await page.getByTestId('raise-description').fill('Buôn xa không có sóng, bà con phải ra nhà văn hóa');
  await page.getByTestId('raise-photo').setInputFiles({ name: 'song-yeu.png', mimeType: 'image/png', buffer: PHOTO });
  await page.getByTestId('raise-preview').waitFor();
  await page.getByTestId('raise-submit').click();
  const raised = page.getByTestId('desk-difficulty').filter({ hasText: 'Buôn xa không có sóng' });
  await expect.poll(() => raised.textContent()).toContain('Chờ gửi');
  await leader.context.setOffline(false);
  await expect.poll(() => raised.textContent(), { timeout: 60_000 }).toContain('Đang mở');
  await raised.locator('img').waitFor();

  // The province answers it; the leader reads the answer on the team's screen.
  const province = await signIn(journey.baseUrl, 'province', DEMO_PASSWORD);
  const listed = await province.get<{ items: { id: string; description: string }[] }>(`/api/difficulties?unit=${province.user.scopeUnitCode}&limit=500`);
  const difficulty = listed.items.find((d) => d.description.startsWith('Buôn xa không có sóng'))!;
  await province.post(`/api/difficulties/${difficulty.id}`, { action: 'answer', answer: 'Tỉnh đã đề nghị nhà mạng lắp trạm phát sóng.' });
  await page.reload();
  await page.getByTestId('menu').click();
  await page.getByTestId('menu-team').click();
  await expect.poll(() => raised.textContent(), { timeout: 30_000 }).toContain('Tỉnh đã đề nghị nhà mạng');
  expect(await raised.textContent()).toContain('Đã trả lời');

  // The member's phone receives the assignment with its next sync; it has no leader's screen.
  await member.page.goto(`${journey.baseUrl}/#/`);
  await member.page.reload();
  await expect.poll(() => row(member.page, label).textContent(), { timeout: 60_000 }).toContain('Giao cho tôi');
  await member.page.getByTestId('menu').click();
  expect(await member.page.getByTestId('menu-team').count()).toBe(0);
  await member.page.goto(`${journey.baseUrl}/#/team`);
  await member.page.getByTestId('household-search').waitFor();
  expect(await member.page.getByTestId('desk-member').count()).toBe(0);
}

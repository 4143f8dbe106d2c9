import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { openOfficerPage, saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();
/** A 1×1 PNG: the smallest poster. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

interface EventItem { id: string; title: string }
interface Attendance { people: number; attendances: number }

/** `datetime-local` text for an instant `minutes` from now, in the browser's own time zone. */
const localInput = (page: Page, minutes: number) => page.evaluate((m) => {
  const d = new Date(Date.now() + m * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}, minutes);

test('an officer creates an event, a person registers on the public form, a member checks them in offline by code, the officer sees the attendance after sync, and a poster the officer uploads opens offline on the phone', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const communeApi = await signIn(baseUrl, 'commune', DEMO_PASSWORD);
  const communeCode = communeApi.user.scopeUnitCode!;
  const title = `Lớp kỹ năng số E2E ${randomBytes(2).toString('hex')}`;

  // The commune officer creates the event, on a phone.
  const officer = await openOfficerPage(journey.browser, baseUrl, 'commune', DEMO_PASSWORD, { width: 390, height: 844 });
  const page = officer.page;
  await page.getByRole('navigation', { name: 'Các màn hình của cán bộ' }).getByRole('link', { name: 'Sự kiện' }).click();
  await page.getByRole('heading', { name: 'Sự kiện', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await page.getByLabel('Loại', { exact: true }).selectOption('class');
  // A missing title is refused beside its field, before anything is sent.
  await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await page.locator('.field-error', { hasText: 'Vui lòng điền mục này' }).first().waitFor();
  await page.getByLabel('Tên sự kiện').fill(title);
  await page.getByLabel('Bắt đầu').fill(await localInput(page, -30));
  await page.getByLabel('Kết thúc').fill(await localInput(page, 180));
  await page.getByLabel('Số chỗ').fill('20');
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
  await page.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await page.getByTestId('event').filter({ hasText: title }).waitFor();
  await saveScreenshot(page, 'events-officer-phone.png');
  const event = (await communeApi.get<{ items: EventItem[] }>(`/api/events?unit=${communeCode}`)).items.find((e) => e.title === title)!;
  expect(event).toBeDefined();

  // Anyone registers on the public form, without an account, and gets a short code and its QR.
  const visitor = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const form = await visitor.newPage();
  await form.goto(`${baseUrl}/#/event/${event.id}`);
  await form.getByRole('heading', { name: title }).waitFor();
  await form.getByLabel('Họ và tên').fill('H Lan Niê');
  await form.getByRole('button', { name: 'Đăng ký' }).click();
  const code = (await form.getByTestId('registration-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await form.getByRole('img', { name: code }).waitFor();
  await saveScreenshot(form, 'events-registered.png');
  await visitor.close();

  // A team member opens check-in while online (the events come to the phone), then loses the network.
  const field = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const phone = await field.newPage();
  await signInWithForm(phone, baseUrl, 'member', DEMO_PASSWORD);
  await phone.getByTestId('household-row').first().waitFor();
  await phone.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await phone.getByTestId('menu').click();
  await phone.getByRole('link', { name: 'Điểm danh sự kiện' }).click();
  await phone.getByLabel('Sự kiện').selectOption({ label: title });
  await field.setOffline(true);
  await phone.getByLabel('Mã đăng ký').fill('12');
  await phone.getByRole('button', { name: 'Điểm danh' }).first().click();
  await phone.locator('.field-error', { hasText: 'Mã đăng ký gồm 6 chữ và số' }).waitFor();
  await phone.getByLabel('Mã đăng ký').fill(code.toLowerCase());
  await phone.getByRole('button', { name: 'Điểm danh' }).first().click();
  await expect.poll(() => phone.getByTestId('check-in-saved').textContent()).toContain(code);
  await expect.poll(() => phone.getByTestId('sync-bar').getAttribute('data-pending')).toBe('1');
  await saveScreenshot(phone, 'events-check-in-offline.png');

  // Back online: the check-in syncs and the officer's screen shows the attendance.
  await field.setOffline(false);
  await expect.poll(() => phone.getByTestId('sync-bar').getAttribute('data-pending'), { timeout: 60_000 }).toBe('0');
  expect(await phone.getByTestId('sync-bar').getAttribute('data-rejected')).toBe('0');
  await expect.poll(async () => (await communeApi.get<Attendance>(`/api/events/${event.id}/attendance`)).people).toBe(1);
  await page.reload();
  await expect.poll(() => page.getByTestId('event').filter({ hasText: title }).getByTestId('event-attendance').textContent(), { timeout: 15_000 })
    .toContain('1 người có tên');
  // The province's Week, as the commune sees it: how many communes have organised it.
  await expect.poll(() => page.getByTestId('campaign-organised').first().textContent()).toMatch(/^Đã tổ chức ở \d+\/\d+ xã, phường$/);
  await saveScreenshot(page, 'events-attendance.png');

  // The officer uploads a poster; the member keeps it on the phone and opens it with no network.
  const poster = `Áp phích E2E ${randomBytes(2).toString('hex')}`;
  await page.getByLabel('Tệp').setInputFiles({ name: 'ap-phich.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await page.getByLabel('Tên tài liệu').fill(poster);
  await page.getByLabel('Loại tài liệu').selectOption('poster');
  await page.getByRole('button', { name: 'Tải tài liệu lên' }).click();
  await page.getByRole('link', { name: poster }).waitFor();
  // The menu may still be open from the way to check-in.
  if (!(await phone.getByRole('link', { name: 'Tài liệu tuyên truyền' }).isVisible())) await phone.getByTestId('menu').click();
  await phone.getByRole('link', { name: 'Tài liệu tuyên truyền' }).click();
  await phone.getByTestId('material').filter({ hasText: poster }).getByRole('button', { name: 'Lưu để xem khi không có mạng' }).click();
  await phone.getByTestId('material').filter({ hasText: poster }).getByRole('button', { name: 'Mở' }).waitFor();
  await field.setOffline(true);
  await phone.reload();
  await phone.getByTestId('material').filter({ hasText: poster }).getByRole('button', { name: 'Mở' }).click();
  await phone.getByTestId('material-viewer').getByRole('img', { name: poster }).waitFor();
  await expect.poll(() => phone.getByTestId('material-viewer').getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await saveScreenshot(phone, 'events-material-offline.png');
  expect(officer.errors).toEqual([]);
  await field.close();
  await officer.context.close();
}, 240_000);

test('a member registers a resident of the village for an upcoming event on a phone and shows the code and QR; at 1280 px the officer sees attendance across the commune\'s events and records a loudspeaker broadcast counted per kind', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const communeApi = await signIn(baseUrl, 'commune', DEMO_PASSWORD);
  const communeCode = communeApi.user.scopeUnitCode!;
  const title = `Lớp sắp tới E2E ${randomBytes(2).toString('hex')}`;
  const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const event = await communeApi.post<EventItem>('/api/events', { unitCode: communeCode, type: 'class', title, startsAt: inHours(24), endsAt: inHours(26), capacity: 30 });

  // The member, on a 375 px phone, finds a resident of the village.
  const field = await journey.browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
  const phone = await field.newPage();
  const phoneErrors: string[] = [];
  phone.on('pageerror', (error) => phoneErrors.push(error.message));
  await signInWithForm(phone, baseUrl, 'member', DEMO_PASSWORD);
  await phone.getByTestId('household-row').first().waitFor();
  // A resident the phone holds for the village (its IndexedDB, as the screen's search reads it).
  const name = await phone.evaluate(() => new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('doorstep-field');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const cursor = open.result.transaction('residents').objectStore('residents').openCursor();
      cursor.onsuccess = () => resolve((cursor.result!.value as { fullName: string }).fullName);
      cursor.onerror = () => reject(cursor.error);
    };
  }));
  await phone.getByTestId('menu').click();
  await phone.getByRole('link', { name: 'Đăng ký sự kiện cho người dân' }).click();
  await phone.getByLabel('Sự kiện').selectOption({ label: title });
  await phone.getByLabel('Tìm người dân theo tên').fill(name);
  const pick = phone.getByRole('button', { name: `Đăng ký cho ${name}` }).first();
  // Without the network the screen says registering needs it, and nothing can be sent.
  await field.setOffline(true);
  await phone.getByTestId('register-offline').waitFor();
  expect(await pick.isDisabled()).toBe(true);
  await field.setOffline(false);
  await expect.poll(() => pick.isDisabled()).toBe(false);
  await pick.click();
  const code = (await phone.getByTestId('registration-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await phone.getByRole('img', { name: code }).waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await saveScreenshot(phone, 'events-register-resident-phone.png');
  const listed = (await communeApi.get<{ items: (EventItem & { registered: number })[] }>(`/api/events?unit=${communeCode}`)).items.find((e) => e.id === event.id)!;
  expect(listed.registered).toBe(1);
  expect(phoneErrors).toEqual([]);
  await field.close();

  // The officer at 1280 px: attendance across the commune's events, as the API counts it.
  const officer = await openOfficerPage(journey.browser, baseUrl, 'commune', DEMO_PASSWORD, { width: 1280, height: 900 });
  const page = officer.page;
  await page.getByRole('navigation', { name: 'Các màn hình của cán bộ' }).getByRole('link', { name: 'Sự kiện' }).click();
  const across = page.getByTestId('unit-attendance');
  await across.waitFor();
  const counted = await communeApi.get<{ people: number; attendances: number }>(`/api/events/attendance?unit=${communeCode}`);
  const shown = (n: number) => n.toLocaleString('vi-VN');
  await expect.poll(() => across.getByTestId('unit-people').textContent()).toBe(shown(counted.people));
  expect(await across.getByTestId('unit-attendances').textContent()).toBe(shown(counted.attendances));
  expect(counted.attendances).toBeGreaterThanOrEqual(counted.people);
  await across.getByLabel('Từ ngày').fill('2026-03-01');
  await across.getByLabel('Đến ngày').fill('2026-02-01');
  await across.locator('.field-error', { hasText: 'Ngày kết thúc trước ngày bắt đầu' }).waitFor();
  await across.getByLabel('Từ ngày').fill('');
  await across.getByLabel('Đến ngày').fill('');

  // A loudspeaker broadcast: a bad reach is named beside its field, then it is recorded and totalled.
  const communication = page.getByTestId('communication');
  const before = (await communeApi.get<{ totals: { kind: string; activities: number }[] }>(`/api/communication-activities?unit=${communeCode}`)).totals
    .find((total) => total.kind === 'loudspeaker')?.activities ?? 0;
  await communication.getByLabel('Loại hoạt động').selectOption('loudspeaker');
  await communication.getByLabel('Số người tiếp cận (không bắt buộc)').fill('-5');
  await communication.getByRole('button', { name: 'Ghi nhận' }).click();
  await communication.locator('.field-error', { hasText: 'Nhập số nguyên từ 0 trở lên' }).waitFor();
  await communication.getByLabel('Số người tiếp cận (không bắt buộc)').fill('350');
  await communication.getByLabel('Ghi chú (không bắt buộc)').fill('Loa thôn buổi sáng');
  await communication.getByRole('button', { name: 'Ghi nhận' }).click();
  await communication.getByText('Đã ghi nhận: Phát thanh loa.').waitFor();
  await expect.poll(() => communication.getByTestId('communication-totals').getByRole('row', { name: /Phát thanh loa/ }).getByRole('cell').first().textContent())
    .toBe(shown(before + 1));
  await communication.getByTestId('communication-list').getByText('Loa thôn buổi sáng').first().waitFor();
  await saveScreenshot(page, 'events-communication-1280.png');
  expect(officer.errors).toEqual([]);
  await officer.context.close();
}, 240_000);

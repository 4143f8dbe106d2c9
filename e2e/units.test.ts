import { expect, test } from 'vitest';
import { signIn } from './support/api-session.js';
import { openOfficerPage, saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { isolatedDemoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

// A demo server of its own: the merge ends a commune that the other journeys' accounts may work in.
const PASSWORD = DEMO_PASSWORD;
const journey = isolatedDemoJourney();

interface Figure { code: string; value: number | null }
interface Children { children: { unit: { code: string; name: string }; indicators: Figure[] }[] }
const INDICATOR = 'digital_signatures';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test('a commune officer sees the committee, adds and ends a team member, and previews a team file before importing it', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const api = await signIn(baseUrl, 'commune', PASSWORD);
  const village = (await api.get<{ items: { code: string }[] }>(`/api/units/${api.user.scopeUnitCode}/children?limit=1`)).items[0]!.code;
  const { context, page, errors } = await openOfficerPage(journey.browser, baseUrl, 'commune', PASSWORD, { width: 390, height: 844 });
  try {
    await page.getByRole('link', { name: 'Tổ công nghệ số', exact: true }).click();
    await page.getByRole('heading', { name: 'Ban Chỉ đạo của xã' }).waitFor();
    await page.getByText(/^Quyết định số /).waitFor();

    const team = page.getByTestId('team').first();
    await team.getByRole('button', { name: 'Xem thành viên' }).click();
    const add = team.getByRole('form', { name: 'Thêm thành viên' });
    await add.getByRole('button', { name: 'Thêm', exact: true }).click();
    await add.getByText('Nhập họ tên thành viên.').waitFor();
    await add.getByLabel('Họ và tên').fill('Người Thử E2E');
    await add.getByLabel('Số điện thoại').fill('12ab');
    await add.getByRole('button', { name: 'Thêm', exact: true }).click();
    // The API's refusal of the phone, beside the phone field.
    await add.locator('[aria-invalid="true"]').first().waitFor();
    await add.getByLabel('Số điện thoại').fill('0905 123 456');
    await add.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => page.getByTestId('teams-result').textContent()).toBe('Đã thêm Người Thử E2E vào tổ.');
    const row = team.locator('[data-testid="member"][data-name="Người Thử E2E"]');
    await row.getByRole('button', { name: 'Cho rời tổ hôm nay' }).click();
    await row.waitFor({ state: 'detached' });

    // The template to fill in, then a file with a bad row: every row shown, nothing written.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    expect((await download).suggestedFilename()).toBe('mau-to-cong-nghe-so.csv');
    const importer = page.getByTestId('team-import');
    const header = 'village_code,team_name,member_name,affiliation,role,phone,username';
    const teamName = (await team.locator('strong').first().textContent())!;
    const file = (rows: string[]) => ({ name: 'to.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await importer.getByLabel('Tệp CSV hoặc Excel').setInputFiles(file([`${village},${teamName},Nhập Một,Đoàn thanh niên,Thành viên,,`, `${village},${teamName},Nhập Hai,Không rõ,Thành viên,,`]));
    await importer.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await importer.getByText('Tệp có 1 lỗi; chưa ghi gì. Sửa các dòng dưới đây rồi kiểm tra lại.').waitFor();
    expect(await importer.getByTestId('import-row').count()).toBe(2);
    expect(await importer.getByRole('button', { name: 'Nhập tệp này' }).count()).toBe(0);
    await importer.getByLabel('Tệp CSV hoặc Excel').setInputFiles(file([`${village},${teamName},Nhập Một,Đoàn thanh niên,Thành viên,,`]));
    await importer.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await importer.locator('[data-testid="import-row"][data-line="2"]').getByText('Thêm thành viên').waitFor();
    await saveScreenshot(page, 'teams-import-preview.png');
    await importer.getByRole('button', { name: 'Nhập tệp này' }).click();
    await expect.poll(() => page.getByTestId('teams-result').textContent()).toMatch(/^Đã nhập: 0 tổ mới, 1 thành viên mới/);
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'teams-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

test('a province officer reads each indicator in words, sets a commune\'s target and sees who changed it', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const api = await signIn(baseUrl, 'province', PASSWORD);
  const commune = (await api.get<{ items: { code: string }[] }>(`/api/units/${api.user.scopeUnitCode}/children?limit=1`)).items[0]!.code;
  const { context, page, errors } = await openOfficerPage(journey.browser, baseUrl, 'province', PASSWORD, { width: 1280, height: 900 });
  try {
    await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
    await page.getByRole('heading', { name: 'Chỉ tiêu và mục tiêu', exact: true }).waitFor();
    const card = page.locator(`[data-testid="indicator"][data-code="${INDICATOR}"]`);
    await expect.poll(() => card.getByTestId('formula').textContent()).toMatch(/^Đếm: người dân đạt mốc «.+»$/);
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(commune);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/targets/${commune}`);
    await card.getByLabel('Mục tiêu (người)').fill('-5');
    await card.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await card.getByText('Nhập một số từ 0 trở lên.').waitFor();
    await card.getByLabel('Mục tiêu (người)').fill('750');
    await card.getByLabel('Hạn hoàn thành').fill('2026-12-31');
    await card.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await expect.poll(() => card.getByTestId('target').textContent()).toBe('Mục tiêu: 750 người, hạn 2026-12-31');
    const change = page.getByTestId('target-change').first();
    await expect.poll(() => change.textContent()).toContain('Cán bộ Sở Khoa học và Công nghệ');
    expect(await change.textContent()).toContain('750, hạn 2026-12-31');
    await saveScreenshot(page, 'targets-province.png');
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'targets-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 240_000);

test('a province officer merges two communes from the units screen and the dashboard shows the merged commune\'s figures', async (ctx) => {
  skipWithoutChromium(ctx);
  const baseUrl = journey.baseUrl;
  const api = await signIn(baseUrl, 'province', PASSWORD);
  const provinceCode = api.user.scopeUnitCode!;
  const communes = (await api.get<Children>(`/api/progress/children?unit=${provinceCode}&indicator=${INDICATOR}`)).children
    .map((c) => ({ ...c.unit, value: c.indicators.find((i) => i.code === INDICATOR)?.value ?? 0 }))
    .filter((c) => (c.value ?? 0) > 0);
  expect(communes.length).toBeGreaterThan(1);
  const [into, other] = [communes[0]!, communes[1]!];
  const otherVillages = (await api.get<{ items: unknown[] }>(`/api/units/${other.code}/children?limit=500`)).items.length;

  const { context, page, errors } = await openOfficerPage(journey.browser, baseUrl, 'province', PASSWORD, { width: 1280, height: 900 });
  try {
    await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn vị hành chính', exact: true }).waitFor();
    // The tree opens on the province, its communes read when it opens.
    await page.locator(`[data-testid="tree-node"][data-code="${into.code}"]`).waitFor();

    // Found by name typed without accents.
    const plain = into.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
    await page.getByTestId('units-search').getByLabel('Tìm đơn vị').fill(plain);
    await page.getByTestId('units-search').locator(`[data-testid="unit-result"][data-code="${into.code}"]`).click();
    await page.locator(`[data-testid="unit-detail"][data-code="${into.code}"]`).waitFor();
    await page.getByRole('radio', { name: 'Sáp nhập' }).check();

    const form = page.getByRole('form', { name: 'Sáp nhập' });
    await form.getByRole('button', { name: 'Xem trước' }).click();
    await form.getByText('Thêm ít nhất một đơn vị nữa để sáp nhập.').waitFor();
    await form.getByTestId('merge-add').getByLabel('Thêm đơn vị sáp nhập').fill(other.code);
    await form.locator(`[data-testid="unit-result"][data-code="${other.code}"]`).click();
    await form.locator(`[data-testid="merge-sources"] [data-code="${other.code}"]`).waitFor();

    // A day before the communes existed: the API's refusal, as a sentence beside the list.
    await form.getByLabel('Ngày có hiệu lực').fill('2025-06-30');
    await form.getByRole('button', { name: 'Xem trước' }).click();
    await form.getByText('Không tìm thấy đơn vị hành chính').waitFor();

    await form.getByLabel('Ngày có hiệu lực').fill(today);
    await form.getByRole('button', { name: 'Xem trước' }).click();
    const preview = form.getByTestId('operation-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-unit').count()).toBe(2);
    expect(digits(await preview.locator(`[data-testid="preview-unit"][data-code="${other.code}"] td`).first().textContent())).toBe(otherVillages);
    expect(await preview.getByTestId('preview-after').textContent()).toContain(into.code);
    // Only a preview: nothing is written yet.
    expect((await api.get<{ validTo: string | null }>(`/api/units/${other.code}`)).validTo).toBeNull();
    await saveScreenshot(page, 'units-merge-preview.png');

    await preview.getByRole('button', { name: `Xác nhận, hiệu lực từ ${today}` }).click();
    await expect.poll(() => page.getByTestId('units-result').textContent()).toBe(`Đã sáp nhập, hiệu lực từ ${today}.`);
    expect((await api.get<{ validTo: string | null; successorCode: string | null }>(`/api/units/${other.code}`)).successorCode).toBe(into.code);

    // The merged commune's dashboard counts both communes' signatures.
    const merged = (await api.get<{ indicators: Figure[] }>(`/api/progress?unit=${into.code}`)).indicators.find((i) => i.code === INDICATOR)!;
    expect(merged.value).toBe(into.value! + other.value!);
    await page.getByRole('link', { name: 'Xem bảng điều hành của đơn vị' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/dashboard/${into.code}`);
    const tile = page.locator(`[data-testid="indicator-tile"][data-indicator="${INDICATOR}"] [data-testid="tile-value"]`);
    await expect.poll(async () => digits(await tile.textContent()), { timeout: 15_000 }).toBe(merged.value);
    await saveScreenshot(page, 'units-merged-dashboard.png');

    // On a phone the screen is one column and still usable.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${baseUrl}/#/units/${into.code}`);
    await page.locator(`[data-testid="unit-detail"][data-code="${into.code}"]`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await saveScreenshot(page, 'units-phone.png');
    expect(errors).toEqual([]);
  } catch (error) {
    await saveScreenshot(page, 'units-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}, 300_000);

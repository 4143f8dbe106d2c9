import { expect, test } from 'vitest';
import { openOfficerPage, saveScreenshot, signInWithForm } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

test('a province officer writes a short course with a lesson, previews it, publishes it, and a learner on a phone finds it', async (ctx) => {
  skipWithoutChromium(ctx);
  const { baseUrl, browser } = journey;
  const code = `zalo-an-toan-${Date.now().toString(36)}`;
  const title = 'Dùng Zalo an toàn';
  const officer = await openOfficerPage(browser, baseUrl, 'province', DEMO_PASSWORD, { width: 1280, height: 900 });
  const { page } = officer;
  try {
    await page.getByRole('link', { name: 'Học tập', exact: true }).click();
    await page.getByLabel('Mã khóa học').fill(code);
    await page.getByLabel('Tên khóa học (tiếng Việt)').fill(title);
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();

    // The course editor: a draft, Vietnamese text given, English added beside it.
    await expect.poll(() => page.getByTestId('course-status').textContent(), { timeout: 15_000 }).toBe('Bản nháp');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByRole('group', { name: 'Nội dung bằng ngôn ngữ: en' }).getByLabel('Tên khóa học').fill('Using Zalo safely');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByTestId('course-notice').textContent()).toBe('Đã lưu khóa học.');

    // A lesson in Markdown: the preview is the server's rendering, raw HTML left out.
    await page.getByRole('button', { name: 'Thêm bài học' }).click();
    const lesson = page.getByRole('form', { name: 'Thêm bài học' });
    await lesson.getByLabel('Tên bài').fill('Mật khẩu mạnh');
    await lesson.getByLabel('Nội dung (Markdown)').fill('**Mật khẩu** mạnh có ít nhất 12 ký tự.\n\n1. Không chia sẻ mã OTP\n2. Bật xác thực hai lớp <script>alert(1)</script>');
    const preview = lesson.getByTestId('lesson-preview');
    await expect.poll(() => preview.innerHTML(), { timeout: 15_000 }).toContain('<strong>Mật khẩu</strong>');
    expect(await preview.innerHTML()).not.toContain('<script>');
    expect(await preview.locator('ol li').count()).toBe(2);
    // A bad media link is refused beside its field, with a sentence saying what a link must be.
    await lesson.getByRole('button', { name: 'Thêm đường dẫn' }).click();
    await lesson.getByLabel('Đường dẫn (https://…)').fill('javascript:alert(1)');
    await lesson.getByRole('button', { name: 'Lưu bài học' }).click();
    await expect.poll(() => lesson.locator('.field-error').textContent()).toBe('Đường dẫn phải bắt đầu bằng https:// (hoặc http://).');
    await lesson.getByLabel('Đường dẫn (https://…)').fill('https://www.youtube.com/watch?v=zalo-an-toan');
    await saveScreenshot(page, 'learning-authoring-lesson-1280.png');
    await lesson.getByRole('button', { name: 'Lưu bài học' }).click();
    await page.getByText('Mật khẩu mạnh').first().waitFor();

    await page.getByRole('button', { name: 'Đăng cho người học' }).click();
    await expect.poll(() => page.getByTestId('course-status').textContent()).toBe('Đã đăng');
    expect(officer.errors).toEqual([]);
  } finally {
    await officer.context.close();
  }

  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const learner = await context.newPage();
  const errors: string[] = [];
  learner.on('pageerror', (error) => errors.push(error.message));
  try {
    await signInWithForm(learner, baseUrl, 'learner', DEMO_PASSWORD);
    const catalogue = learner.getByTestId('catalogue');
    await catalogue.waitFor();
    await catalogue.getByText(title).first().click();
    await learner.getByTestId('course-view').waitFor();
    await expect.poll(() => learner.getByTestId('course-view').textContent()).toContain('Mật khẩu mạnh');
    await saveScreenshot(learner, 'learning-authored-course-phone.png');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 240_000);

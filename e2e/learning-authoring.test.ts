import { expect, test } from 'vitest';
import { STARTER_COURSES } from '../src/modules/learning/starter-courses.content.js';
import { signIn } from './support/api-session.js';
import { artifactPath, openLearnerPhone, openOfficerPage, saveScreenshot } from './support/browser.js';
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

  const { context, page: learner, errors } = await openLearnerPhone(browser, baseUrl, 'learner', DEMO_PASSWORD);
  try {
    await learner.getByTestId('catalogue').getByText(title).first().click();
    await learner.getByTestId('course-view').waitFor();
    await expect.poll(() => learner.getByTestId('course-view').textContent()).toContain('Mật khẩu mạnh');
    await saveScreenshot(learner, 'learning-authored-course-phone.png');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 240_000);

interface Setting { skillCode: string; bankId: string; questionCount: number; passPercent: number; minutes: number; languages: { lang: string; bankId: string }[] }
interface Paper { attemptId: string; questions: { id: string; text: string; options: { id: string; text: string }[] }[] }

/** The right option of every starter question, by its Vietnamese text (the skill checks draw from the starter courses). */
const RIGHT = new Map(STARTER_COURSES.flatMap((c) => c.lessons.flatMap((l) => l.quiz.map((q) => [q.vi[0], q.vi[1]] as const))));

test('a province officer raises a skill check\'s pass mark on the "Kiểm tra kỹ năng" screen, and the learner\'s next check is scored by it', async (ctx) => {
  skipWithoutChromium(ctx);
  const { baseUrl, browser } = journey;
  const skill = 'online_safety';
  const officerApi = await signIn(baseUrl, 'province', DEMO_PASSWORD);
  const before = (await officerApi.get<{ items: Setting[] }>('/api/learning-admin/skill-checks')).items.find((s) => s.skillCode === skill)!;
  expect(before.passPercent).toBeLessThanOrEqual(80);
  const learner = await signIn(baseUrl, 'learner', DEMO_PASSWORD);
  try {
    // On a phone, then on a desk: the second visit finds the first one's pass mark saved.
    for (const width of [375, 1280]) {
      const officer = await openOfficerPage(browser, baseUrl, 'province', DEMO_PASSWORD, { width, height: 900 });
      const { page } = officer;
      try {
        await page.goto(`${baseUrl}/#/learning-admin/checks`);
        const form = page.getByTestId(`skill-check-${skill}`);
        await form.waitFor({ timeout: 30_000 });
        // A pass mark out of range is refused beside its field, in a sentence, and nothing is sent.
        await form.getByLabel('Điểm đạt (%)').fill('0');
        await form.getByRole('button', { name: 'Lưu bài kiểm tra' }).click();
        await expect.poll(() => form.locator('.field-error').textContent()).toBe('Điểm đạt phải là số nguyên từ 1 đến 100 (phần trăm số câu đúng).');
        expect((await officerApi.get<{ items: Setting[] }>('/api/learning-admin/skill-checks')).items.find((s) => s.skillCode === skill)!.passPercent).toBe(width === 375 ? before.passPercent : 100);
        // Every question right but one: 80% at most, under a pass mark of 100, over the old one.
        await form.getByLabel('Điểm đạt (%)').fill('100');
        await form.getByRole('button', { name: 'Lưu bài kiểm tra' }).click();
        await expect.poll(() => form.getByTestId('skill-check-notice').textContent()).toContain('Đã lưu bài kiểm tra kỹ năng');
        expect(await form.locator('.field-error').count()).toBe(0);
        // Nothing wider than the screen; the form's fields stay inside its panel.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await form.screenshot({ path: artifactPath(`learning-skill-check-settings-${width}.png`) });
        expect(officer.errors).toEqual([]);
      } finally {
        await officer.context.close();
      }
    }
    const saved = (await officerApi.get<{ items: Setting[] }>('/api/learning-admin/skill-checks')).items.find((s) => s.skillCode === skill)!;
    expect(saved).toEqual({ ...before, passPercent: 100 });
    const mine = await learner.get<{ items: { skillCode: string; passPercent: number | null }[] }>('/api/learning/skill-checks');
    expect(mine.items.find((item) => item.skillCode === skill)?.passPercent).toBe(100);

    // The learner's next check: all right but the first answer, which is not enough any more.
    const paper = await learner.post<Paper>(`/api/learning/skill-checks/${skill}/attempts?lang=vi`, undefined);
    const answers = paper.questions.map((question, i) => {
      const right = question.options.find((o) => o.text === RIGHT.get(question.text))!;
      return { questionId: question.id, optionId: i === 0 ? question.options.find((o) => o !== right)!.id : right.id };
    });
    const result = await learner.post<{ correct: number; total: number; passed: boolean }>(`/api/learning/skill-check-attempts/${paper.attemptId}/submit`, { answers });
    expect(result.correct).toBe(result.total - 1);
    expect(result.correct * 100).toBeGreaterThanOrEqual(before.passPercent * result.total);
    expect(result.passed).toBe(false);
  } finally {
    // The shared demo keeps the check the other journeys expect.
    await officerApi.put(`/api/learning-admin/skill-checks/${skill}`, { bankId: before.bankId, questionCount: before.questionCount, passPercent: before.passPercent, minutes: before.minutes, languages: before.languages });
  }
}, 240_000);

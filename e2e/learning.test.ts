import { expect, test } from 'vitest';
import { STARTER_COURSES } from '../src/modules/learning/starter-courses.content.js';
import { signIn } from './support/api-session.js';
import { openLearnerPhone, saveScreenshot } from './support/browser.js';
import { skipWithoutChromium } from './support/chromium.js';
import { demoJourney } from './support/demo-journey.js';
import { DEMO_PASSWORD } from './support/demo-password.js';

const journey = demoJourney();

/** The right option of every starter question, by its Vietnamese text: what a learner who read the lessons knows. */
const RIGHT = new Map(STARTER_COURSES.flatMap((c) => c.lessons.flatMap((l) => l.quiz.map((q) => [q.vi[0], q.vi[1]] as const))));

async function answerRightly(form: import('playwright-core').Locator): Promise<void> {
  const questions = form.locator('fieldset');
  const count = await questions.count();
  for (let i = 0; i < count; i += 1) {
    const question = questions.nth(i);
    const text = (await question.locator('.learn-question-text').textContent())!;
    await question.locator('label', { hasText: RIGHT.get(text)! }).first().click();
  }
}

test('on a phone, the demo learner goes from the catalogue through a lesson and its quiz to every skill check and the confirmed milestone', async (ctx) => {
  skipWithoutChromium(ctx);
  const { baseUrl, browser } = journey;
  // The commune officer links the learner account to a resident they chose in the learner's village.
  const learnerApi = await signIn(baseUrl, 'learner', DEMO_PASSWORD);
  const officer = await signIn(baseUrl, 'commune', DEMO_PASSWORD);
  const village = learnerApi.user.scopeUnitCode!;
  const pulled = await officer.get<{ residents: { id: string; milestones: string[] }[] }>(`/api/sync/pull?village=${village}`);
  const resident = pulled.residents.find((r) => !r.milestones.includes('skills_confirmed'))!;
  await officer.post('/api/learning-admin/links', { userId: learnerApi.user.id, residentId: resident.id });

  const { context, page, errors } = await openLearnerPhone(browser, baseUrl, 'learner', DEMO_PASSWORD);
  try {
    // The learner lands in their own part, not the field app.
    const catalogue = page.getByTestId('catalogue');
    expect(await page.locator('.banner').count()).toBe(0);
    await catalogue.getByText('Nhận biết cuộc gọi lừa đảo').first().click();

    await page.getByTestId('course-view').waitFor();
    await page.getByRole('button', { name: 'Ghi danh' }).click();
    const lesson = page.getByTestId('lesson-view');
    await lesson.getByRole('heading', { name: 'Dấu hiệu của cuộc gọi lừa đảo' }).waitFor();
    expect(await lesson.locator('.learn-lesson-body strong').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'learning-lesson-phone.png');

    await lesson.getByRole('button', { name: 'Câu hỏi ôn tập' }).click();
    const quiz = page.getByTestId('lesson-quiz');
    await quiz.waitFor();
    await answerRightly(quiz);
    await quiz.getByRole('button', { name: 'Nộp bài' }).click();
    await expect.poll(() => page.getByTestId('quiz-result').textContent()).toContain('Đạt');

    // Back home, the course is in "my courses" and resumes at the lesson read.
    await page.getByRole('link', { name: 'Khóa học', exact: true }).click();
    await expect.poll(() => page.getByTestId('my-courses').textContent()).toContain('Đã đọc 1/2 bài');

    await page.getByRole('link', { name: 'Kiểm tra kỹ năng', exact: true }).click();
    const checks = page.getByTestId('skill-checks');
    await checks.waitFor();
    const codes = ['public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms'];
    for (const code of codes) {
      await page.getByTestId(`check-${code}`).getByRole('button', { name: 'Làm bài kiểm tra' }).click();
      const paper = page.getByTestId('skill-check');
      await paper.waitFor();
      await expect.poll(() => paper.getByRole('timer').textContent()).toMatch(/Còn (9|10):\d\d/);
      if (code === codes[0]) await saveScreenshot(page, 'learning-skill-check-phone.png');
      await answerRightly(paper);
      await paper.getByRole('button', { name: 'Nộp bài' }).click();
      await expect.poll(() => page.getByTestId('check-result').textContent()).toContain('Đạt');
    }
    await page.getByTestId('skills-confirmed').waitFor();
    await saveScreenshot(page, 'learning-confirmed-phone.png');

    // The milestone is on the resident's record, and the field app's next pull carries it.
    const after = await officer.get<{ residents: { id: string; milestones: string[] }[] }>(`/api/sync/pull?village=${village}`);
    expect(after.residents.find((r) => r.id === resident.id)?.milestones).toContain('skills_confirmed');
    await page.getByRole('link', { name: 'Chứng nhận', exact: true }).click();
    await page.getByTestId('certificates').waitFor();
    // The certificate came with the confirmation; its check link shows it valid.
    const card = page.getByTestId('certificate').first();
    await card.waitFor();
    await card.getByRole('link', { name: 'Liên kết kiểm tra để chia sẻ' }).click();
    await expect.poll(() => page.getByTestId('check-result').getAttribute('data-status'), { timeout: 30_000 }).toBe('valid');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from './chromium.js';
import { DISABLE_FEATURES_SWITCH } from './chromium-features.js';

/** Screenshots and measurements kept by CI; git ignores the folder. */
export const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/**
 * Debian's Chromium, headless. Nothing may reach out to the network on its own (CI machines have
 * none, and a background update would race the journey), and the sandbox needs privileges a
 * container does not give. Browser UI a headless journey never shows is left out (chromium-features.ts).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', DISABLE_FEATURES_SWITCH],
  });
}

/** Where an artifact named `name` goes, the folder made if needed. */
export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return fileURLToPath(new URL(name, ARTIFACTS));
}

/**
 * What the person sees at that step: the viewport, not the whole page. A full-page capture of the
 * province dashboard (5,600 px tall) cost Chromium 2–3 s against 0.4 s for the screen, and the
 * journeys take some sixty.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(name) });
}

/** Opens the app and signs in through its login form, as a person does (the form is in Vietnamese first). */
export async function signInWithForm(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** A new page in a context of its own made with `options`, its page errors collected for the journey to assert on. */
async function openWatchedPage(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * A new browser context in Vietnamese at `viewport`, signed in through the login form as an
 * officer and landed on the dashboard; page errors are collected for the journey to assert on.
 */
export async function openOfficerPage(browser: Browser, baseUrl: string, username: string, password: string, viewport: { width: number; height: number }) {
  const opened = await openWatchedPage(browser, { viewport, locale: 'vi-VN' });
  await signInWithForm(opened.page, baseUrl, username, password);
  await expect.poll(() => opened.page.evaluate(() => location.hash), { timeout: 15_000 }).toMatch(/^#\/dashboard\//);
  return opened;
}

/**
 * A phone (375 px wide, touch) in Vietnamese, signed in through the login form as a learner and
 * landed on the course catalogue, where a learner's part starts; page errors are collected.
 */
export async function openLearnerPhone(browser: Browser, baseUrl: string, username: string, password: string) {
  const opened = await openWatchedPage(browser, { viewport: { width: 375, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  try {
    await signInWithForm(opened.page, baseUrl, username, password);
    await opened.page.getByTestId('catalogue').waitFor();
  } catch (error) {
    await opened.context.close();
    throw error;
  }
  return opened;
}

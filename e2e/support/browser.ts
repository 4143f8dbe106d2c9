import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_PATH } from './chromium.js';

/** Screenshots and measurements kept by CI; git ignores the folder. */
export const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/**
 * Debian's Chromium, headless. Nothing may reach out to the network on its own (CI machines have
 * none, and a background update would race the journey), and the sandbox needs privileges a
 * container does not give.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Where an artifact named `name` goes, the folder made if needed. */
export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return fileURLToPath(new URL(name, ARTIFACTS));
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage: true });
}

/** Opens the app and signs in through its login form, as a person does (the form is in Vietnamese first). */
export async function signInWithForm(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * A new browser context in Vietnamese at `viewport`, signed in through the login form as an
 * officer and landed on the dashboard; page errors are collected for the journey to assert on.
 */
export async function openOfficerPage(browser: Browser, baseUrl: string, username: string, password: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signInWithForm(page, baseUrl, username, password);
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 15_000 }).toMatch(/^#\/dashboard\//);
  return { context, page, errors };
}

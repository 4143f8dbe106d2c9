import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
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

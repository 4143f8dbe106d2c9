import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestChange } from '../../bin/compiled.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const web = path.join(root, 'web');
const SOURCES = ['src', 'sw', 'public', 'build', 'index.html', 'vite.config.ts'];

/**
 * The journey tests the built app (the service worker exists only in a build). `npm ci` builds
 * it; this rebuilds only when a web source is newer than web/dist, so an edited app is never
 * tested stale and an unchanged one costs nothing.
 */
export function ensureWebBuilt(): void {
  const index = path.join(web, 'dist', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((entry) => newestChange(path.join(web, entry))));
  if (built >= changed) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vitest runs with NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

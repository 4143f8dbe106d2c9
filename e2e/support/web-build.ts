import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const web = path.join(root, 'web');
const SOURCES = ['src', 'sw', 'public', 'build', 'index.html', 'vite.config.ts'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/**
 * The journey tests the built app (the service worker exists only in a build). `npm ci` builds
 * it; this rebuilds only when a web source is newer than web/dist, so an edited app is never
 * tested stale and an unchanged one costs nothing.
 */
export function ensureWebBuilt(): void {
  const index = path.join(web, 'dist', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((entry) => path.join(web, entry)).filter((entry) => fs.existsSync(entry)).map(newestChange));
  if (built >= changed) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vitest runs with NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

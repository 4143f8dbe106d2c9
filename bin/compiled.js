// @ts-check
/**
 * Which code the `doorstep` command runs: the server compiled by `npm run build:server` (into
 * dist/, done by `npm ci` through the prepare script) while it is newer than every source file,
 * else the TypeScript sources through tsx's loader. Compiled, the server rests at about 70 MB
 * less memory: tsx's loader and what it keeps of each module it transforms stay out of the
 * process. A source edited after the build is never skipped: its newer time sends the command
 * back to the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository (or installation) root: bin/ sits in it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders compiled into dist/ for the server. */
export const SERVER_SOURCES = ['src', 'shared', 'migrations'];

/**
 * The file URL of `file` under dist/ (`src/cli.js`, say) when it exists and no TypeScript file
 * of `sources` (tests aside: they are not compiled) changed after it was written; else null.
 * @param {string} file
 * @param {readonly string[]} [sources]
 * @param {string} [root]
 * @returns {string | null}
 */
export function compiledEntry(file, sources = SERVER_SOURCES, root = ROOT) {
  const target = path.join(root, 'dist', file);
  let built;
  try {
    built = fs.statSync(target).mtimeMs;
  } catch {
    return null;
  }
  for (const dir of sources) {
    if (newestSource(path.join(root, dir)) > built) return null;
  }
  return pathToFileURL(target).href;
}

/**
 * The latest modification time of the TypeScript sources under `dir` (0 when there are none).
 * @param {string} dir
 * @returns {number}
 */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

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
 * of `sources` (tests aside: they are not compiled), nor any of their folders, changed after it
 * was written; else null.
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
    if (newestChange(path.join(root, dir), compiledSource) > built) return null;
  }
  return pathToFileURL(target).href;
}

/**
 * The latest modification time under `entry`: of itself, and of every file that `counts` and
 * every folder below it (a file deleted or renamed changes its folder's time).
 * @param {string} entry
 * @param {(name: string) => boolean} [counts]
 * @returns {number} 0 when `entry` does not exist
 */
export function newestChange(entry, counts = () => true) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return counts(path.basename(entry)) ? stat.mtimeMs : 0;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name), counts));
  return newest;
}

/** @param {string} name */
const compiledSource = (name) => name.endsWith('.ts') && !/\.test\.tsx?$/.test(name);

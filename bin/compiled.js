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
    if (newestChange(path.join(root, dir), { counts: compiledSource, folderTimes: false }) > built) return null;
  }
  return pathToFileURL(target).href;
}

/**
 * The latest modification time under `entry`: of every file below it that `counts`, and (unless
 * `folderTimes` is false) of every folder, whose time moves when a file in it is deleted.
 * @param {string} entry
 * @param {{ counts?: (name: string) => boolean, folderTimes?: boolean }} [options]
 * @returns {number} 0 when `entry` does not exist
 */
export function newestChange(entry, options = {}) {
  const { counts = () => true, folderTimes = true } = options;
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return counts(path.basename(entry)) ? stat.mtimeMs : 0;
  let newest = folderTimes ? stat.mtimeMs : 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name), options));
  return newest;
}

/**
 * What is compiled: TypeScript files other than tests. Folder times do not count here: a
 * benchmark writes its results under bench/, and a source deleted or renamed changes the files
 * that imported it.
 * @param {string} name
 */
const compiledSource = (name) => name.endsWith('.ts') && !/\.test\.tsx?$/.test(name);

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The key of the keyed hashes (national ID numbers). DOORSTEP_SECRET wins; otherwise a random
 * key is made once in `<DATA_DIR>/secret.key`, readable by the owner only, and reused at every
 * start. Losing it means numbers recorded before can no longer be matched, so back it up on its
 * own: `doorstep backup` never includes it, and it is kept apart from the database backups.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey !== undefined) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together never both write a key.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new Error(`${file} holds no usable key (at least 32 characters); restore it from a backup`);
  return key;
}
